package dev.aigcdesk.ui.generate;

import dev.aigcdesk.api.CreatedTask;
import dev.aigcdesk.app.Generator;
import dev.aigcdesk.config.GenerationChoices;
import dev.aigcdesk.config.SettingsStore;
import dev.aigcdesk.domain.GenerationRequest;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.Lineage;
import dev.aigcdesk.ui.common.UiExecutor;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * New generations from the window: the panel's starting values (last choices, or a task's recorded
 * parameters), the once-per-session confirmation that paid work will start, and the create itself,
 * all off the JavaFX thread.
 */
public final class GenerateViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(GenerateViewModel.class);

    private final Generator generator;
    private final Library ledger;
    private final SettingsStore settings;
    private final GenerationChoices choices;
    private final Runnable wake;
    private final Function<Throwable, String> say;
    private final UiExecutor ui;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** Confirmed once in this session (or Settings says not to ask). */
    private boolean confirmed;

    /**
     * @param generator null where this window cannot start generations
     * @param wake      asks the service now, so the new task is followed at once
     */
    /** @param say a failure in the window's words (the service's own message kept as it wrote it) */
    public GenerateViewModel(
            Generator generator,
            Library ledger,
            SettingsStore settings,
            GenerationChoices choices,
            Runnable wake,
            Function<Throwable, String> say,
            UiExecutor ui) {
        this.say = say;
        this.generator = generator;
        this.ledger = ledger;
        this.settings = settings;
        this.choices = choices;
        this.wake = wake;
        this.ui = ui;
    }

    public boolean available() {
        return generator != null;
    }

    /** A create is on its way (the panel's button waits). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** The last choices, for a new generation. */
    public void lastChoices(Consumer<GenerationChoices.Remembered> then) {
        GenerationChoices.Remembered none = new GenerationChoices.Remembered(
                TaskKind.IMAGE, GenerationRequest.of(TaskKind.IMAGE), GenerationRequest.of(TaskKind.VIDEO));
        if (choices == null) {
            then.accept(none);
            return;
        }
        ui.run(choices::load, then, e -> {
            LOG.info("Could not read the last generation choices: {}", e.toString());
            then.accept(none);
        });
    }

    /** {@code id}'s recorded parameters, for "Generate again"; empty when they are not known yet. */
    public void recorded(TaskId id, Consumer<Optional<GenerationRequest>> then, Consumer<String> failed) {
        ui.run(() -> generator.recorded(id), then, e -> failed.accept(say.apply(e)));
    }

    /** Where {@code id} came from (with that task's prompt, when the library still has it) and its tries. */
    public void lineage(TaskId id, Consumer<LineageView> then) {
        if (generator == null) {
            then.accept(LineageView.NONE);
            return;
        }
        ui.run(
                () -> {
                    Lineage l = generator.lineage(id);
                    String parentTitle = null;
                    if (l.parent() != null) {
                        parentTitle = ledger.find(l.parent())
                                .map(r -> r.task().promptHeadline())
                                .filter(s -> !s.isBlank())
                                .orElse(l.parent().shortId());
                    }
                    return new LineageView(l.parent(), parentTitle, l.tries());
                },
                then,
                e -> {
                    LOG.info("Could not read the tries of {}: {}", id, e.toString());
                    then.accept(LineageView.NONE);
                });
    }

    /** Whether to ask before the next create: true once per session, unless Settings says not to. */
    public void needsConfirmation(Consumer<Boolean> then) {
        if (confirmed) {
            then.accept(false);
            return;
        }
        if (settings == null) {
            then.accept(true);
            return;
        }
        ui.run(() -> settings.load().askBeforeGenerating(), then, e -> then.accept(true));
    }

    /** The person confirmed; {@code never} also turns the question off in Settings. */
    public void confirmed(boolean never) {
        confirmed = true;
        if (never && settings != null) {
            ui.run(
                    () -> {
                        settings.save(settings.load().withAskBeforeGenerating(false));
                        return true;
                    },
                    ok -> {},
                    e -> LOG.warn("Could not save \"don't ask again\": {}", e.toString()));
        }
    }

    /** Sends the request; on success the task is in the library (waiting) and the sync is asked to follow it now. */
    public void create(GenerationRequest request, TaskId parent, Consumer<CreatedTask> done, Consumer<String> failed) {
        busy.set(true);
        ui.run(
                () -> {
                    CreatedTask created = generator.create(request, parent);
                    try {
                        if (choices != null) {
                            choices.remember(request);
                        }
                    } catch (IOException e) {
                        LOG.info("Could not remember the generation choices: {}", e.toString());
                    }
                    wake.run();
                    return created;
                },
                created -> {
                    busy.set(false);
                    done.accept(created);
                },
                e -> {
                    busy.set(false);
                    failed.accept(say.apply(e));
                });
    }
}
