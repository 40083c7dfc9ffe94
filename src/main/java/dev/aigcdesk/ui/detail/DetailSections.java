package dev.aigcdesk.ui.detail;

import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.OutputConfig;
import dev.aigcdesk.domain.Reach;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.Authors;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Icons;
import dev.aigcdesk.ui.common.Words;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The detail pane's text sections: prompts with copy buttons, the settings and times, and the ids. */
final class DetailSections {

    private final Words words;
    private final I18n i18n;
    private final Consumer<String> toast;

    DetailSections(Words words, Consumer<String> toast) {
        this.words = words;
        this.i18n = words.i18n();
        this.toast = toast;
    }

    Node textSection(String title, String text, String id) {
        Label t = new Label(title);
        t.getStyleClass().add("section-title");
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setId(id);
        area.getStyleClass().add("prompt-text");
        area.setPrefRowCount(Math.min(8, Math.max(2, text.length() / 70 + 1)));
        area.setAccessibleText(title);
        Button copy = copyButton(text);
        HBox head = new HBox(8, t, spacer(), copy);
        head.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, head, area);
    }

    /** The task's settings and times, and in a team library who added it and who gave its stars. */
    Node facts(GenerationTask t, Authors who) {
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(4);
        int row = 0;
        row = fact(g, row, "detail.addedBy", who.addedBy());
        row = fact(
                g,
                row,
                "detail.starsBy",
                who.starsBy() == null ? null : who.starsBy() + " \u00b7 " + words.dateTime(who.starsAt()));
        OutputConfig c = t.outputConfig();
        row = fact(g, row, "detail.enhance", t.enhancePrompt());
        row = fact(g, row, "detail.seed", t.seed() == null ? null : t.seed().toString());
        row = fact(g, row, "detail.scene", t.sceneType());
        row = fact(g, row, "detail.mode", t.generationMode());
        row = fact(g, row, "detail.resolution", c.resolution());
        row = fact(g, row, "detail.aspect", c.aspectRatio());
        row = fact(
                g,
                row,
                "detail.duration",
                c.durationSeconds() == null
                        ? null
                        : words.duration(Duration.ofSeconds(Math.round(c.durationSeconds()))));
        row = fact(g, row, "detail.storage", c.storageMode());
        row = fact(
                g,
                row,
                "detail.created",
                t.times().created() == null ? null : words.dateTime(t.times().created()));
        row = fact(
                g,
                row,
                "detail.started",
                t.times().began() == null ? null : words.dateTime(t.times().began()));
        row = fact(
                g,
                row,
                "detail.finished",
                t.times().finished() == null ? null : words.dateTime(t.times().finished()));
        if (t.times().finished() != null
                && t.times().queued().isPresent()
                && t.times().took().isPresent()) {
            Label timing = new Label(i18n.get(
                    "detail.timing",
                    i18n.catalog().compactDuration(t.times().queued().get()),
                    i18n.catalog().compactDuration(t.times().took().get())));
            timing.setId("detail-timing");
            g.add(timing, 1, row++);
        }
        Label title = new Label(i18n.get("detail.details"));
        title.getStyleClass().add("section-title");
        return new VBox(4, title, g);
    }

    private int fact(GridPane g, int row, String key, String value) {
        if (value == null || value.isBlank()) {
            return row;
        }
        Label name = new Label(i18n.get(key));
        name.getStyleClass().add("field-name");
        Label v = new Label(localized(value));
        g.add(name, 0, row);
        g.add(v, 1, row);
        return row + 1;
    }

    /** The service's own words for common values, in the window's language ("Enabled", "Temporary"…); anything else as it came. */
    private String localized(String value) {
        String key = "value." + value.strip().toLowerCase(Locale.ROOT);
        return i18n.has(key) ? i18n.get(key) : value;
    }

    /** Stars (click to set; the same star again clears) and the tags and collections as chips, with Copy parameters. */
    Node curation(TaskRecord r, BiConsumer<TaskId, Integer> rater) {
        HBox row = new HBox(4);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setId("detail-curation");
        int stars = r.curation().stars();
        for (int n = 1; n <= 5; n++) {
            int value = n;
            Label star = new Label(n <= stars ? "★" : "☆");
            star.getStyleClass().add("star");
            star.setId("star-" + n);
            star.setOnMouseClicked(e -> rater.accept(r.id(), value == stars ? 0 : value));
            row.getChildren().add(star);
        }
        for (String tag : r.curation().tags()) {
            Label chip = new Label(tag, Icons.of(Feather.TAG));
            chip.getStyleClass().add("chip");
            row.getChildren().add(chip);
        }
        for (String c : r.curation().collections()) {
            Label chip = new Label(c, Icons.of(Feather.FOLDER));
            chip.getStyleClass().add("chip");
            row.getChildren().add(chip);
        }
        row.getChildren().add(spacer());
        row.getChildren().add(copyParameters(r.task()));
        return row;
    }

    private Node copyParameters(GenerationTask t) {
        MenuItem text = new MenuItem(i18n.get("detail.copyParameters.a1111"));
        text.setOnAction(e -> copy(ParametersText.a1111(t)));
        MenuItem json = new MenuItem(i18n.get("detail.copyParameters.json"));
        json.setOnAction(e -> copy(ParametersText.json(t)));
        MenuButton b = new MenuButton(i18n.get("detail.copyParameters"), Icons.of(Feather.SLIDERS), text, json);
        b.setId("copy-parameters");
        return b;
    }

    private void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
        toast.accept(i18n.get("detail.copied"));
    }

    Node ids(GenerationTask t) {
        Label title = new Label(i18n.get("detail.ids"));
        title.getStyleClass().add("section-title");
        VBox box = new VBox(4, title, idRow(i18n.get("detail.taskId"), t.id().value(), "task-id"));
        if (t.requestId() != null) {
            box.getChildren().add(idRow(i18n.get("detail.requestId"), t.requestId(), "request-id"));
        }
        return box;
    }

    private Node idRow(String name, String value, String id) {
        Label n = new Label(name);
        n.getStyleClass().add("field-name");
        n.setMinWidth(88);
        TextField f = new TextField(value);
        f.setEditable(false);
        f.getStyleClass().add("mono");
        f.setId(id);
        f.setAccessibleText(name);
        HBox.setHgrow(f, Priority.ALWAYS);
        HBox row = new HBox(8, n, f, copyButton(value));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    Button copyButton(String text) {
        Button b = new Button(null, Icons.of(Feather.COPY));
        b.getStyleClass().add("flat");
        b.setTooltip(new Tooltip(i18n.get("detail.copy")));
        b.setAccessibleText(i18n.get("detail.copy"));
        b.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            Clipboard.getSystemClipboard().setContent(c);
            toast.accept(i18n.get("detail.copied"));
        });
        return b;
    }

    /** Why a task has no answer: not fetched yet, unknown to the service, or out of its reach (with the last problem). */
    Optional<Node> notes(TaskRecord r) {
        String key = r.reach() == Reach.OUT_OF_REACH
                ? "detail.outOfReach"
                : r.reach() == Reach.NOT_FOUND ? "detail.notFound" : !r.wasAnswered() ? "detail.notFetched" : null;
        if (key == null) {
            return Optional.empty();
        }
        Label l = new Label(
                i18n.get(key)
                        + (r.lastError() != null && r.reach() != Reach.REACHABLE
                                ? ""
                                : r.lastError() == null ? "" : "\n" + words.problem(r.lastError())),
                Icons.of(Feather.INFO));
        l.setWrapText(true);
        l.getStyleClass().add("note");
        l.setId("reach-note");
        return Optional.of(l);
    }

    static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
