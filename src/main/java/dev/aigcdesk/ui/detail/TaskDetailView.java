package dev.aigcdesk.ui.detail;

import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.Standing;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.sync.SyncEvent;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Icons;
import dev.aigcdesk.ui.common.Words;
import dev.aigcdesk.ui.generate.Generating;
import dev.aigcdesk.ui.generate.LineageView;
import dev.aigcdesk.ui.preview.Thumbnails;
import dev.aigcdesk.ui.preview.Viewer;
import dev.aigcdesk.ui.preview.ViewerItem;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableMap;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

/** The selected task in full: prompt, model, progress, settings, times, ids, failure, and every output. */
public final class TaskDetailView extends ScrollPane {

    private final TaskDetailViewModel vm;
    private final Words words;
    private final I18n i18n;
    private final Thumbnails thumbnails;
    private final Clock clock;
    private final VBox content = new VBox();
    private final Label message = new Label();
    private final Timeline ticker;
    private final ObjectProperty<Path> lastFolder = new SimpleObjectProperty<>();
    private final List<OutputCard> cards = new ArrayList<>();
    /** The downloads under way, for the cards of files still being saved; null until the window gives it. */
    private ObservableMap<String, SyncEvent.DownloadProgress> downloads;

    private Consumer<String> toast = s -> {};
    private Label elapsed;
    private TaskId renderedId;
    private ContactSheet sheet;

    /**
     * "Generate again" and the task's family, supplied by the main window.
     *
     * @param again   opens the New generation panel filled in from a task
     * @param lineage where a task came from and its tries (answered on the JavaFX thread)
     * @param select  selects another task (the one this was made from)
     * @param family  shows only this task, its origin and its tries
     */
    public record Generating(
            Consumer<TaskRecord> again,
            BiConsumer<TaskId, Consumer<LineageView>> lineage,
            Consumer<TaskId> select,
            Consumer<TaskId> family) {}

    private Generating generating;

    public void setGenerating(Generating g) {
        this.generating = g;
        render(vm.recordProperty().get());
    }

    public TaskDetailView(TaskDetailViewModel vm, Words words, Thumbnails thumbnails, Clock clock) {
        this.vm = vm;
        this.words = words;
        this.i18n = words.i18n();
        this.thumbnails = thumbnails;
        this.clock = clock;
        setId("task-detail");
        content.getStyleClass().add("detail");
        setContent(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        message.getStyleClass().add("note");
        message.setId("detail-message");
        message.textProperty().bind(vm.messageProperty());
        vm.recordProperty().addListener((o, a, b) -> render(b));

        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        render(null);
    }

    /** Where "Save as" starts, remembered between saves. */
    public ObjectProperty<Path> lastFolderProperty() {
        return lastFolder;
    }

    /** Short confirmations ("Saved to …") go here; the main window shows them. */
    /** Shows each output's download while it is under way ("Saving · 45%" and a bar). */
    public void setDownloads(ObservableMap<String, SyncEvent.DownloadProgress> downloads) {
        this.downloads = downloads;
    }

    public void setToast(Consumer<String> toast) {
        this.toast = toast;
    }

    private void render(TaskRecord r) {
        TaskId before = renderedId;
        renderedId = r == null ? null : r.id();
        cards.forEach(OutputCard::dispose);
        cards.clear();
        sheet = null;
        content.getChildren().clear();
        ticker.stop();
        if (r == null) {
            Label empty = new Label(i18n.get("detail.empty"), Icons.of(Feather.MOUSE_POINTER, 20));
            VBox box = new VBox(empty);
            box.getStyleClass().add("empty-state");
            content.getChildren().add(box);
            return;
        }
        DetailSections sections = new DetailSections(words, toast);
        GenerationTask t = r.task();
        content.getChildren().add(header(r));
        if (r.standing().moving()) {
            content.getChildren().add(progress(t));
            ticker.play();
        }
        Node curation = sections.curation(r, rater);
        content.getChildren().add(curation);
        if (generating != null && t.kind() != TaskKind.OTHER) {
            lineage(r, content.getChildren().indexOf(curation) + 1);
        }
        // The pictures first, right under the header; what made them follows.
        content.getChildren().add(files(r));
        t.failureInfo()
                .filter(f -> t.state() == TaskState.FAILED || t.state() == TaskState.ABORTED)
                .ifPresent(f -> content.getChildren().add(FailureBox.of(f, i18n)));
        sections.notes(r).ifPresent(content.getChildren()::add);
        if (t.prompt() != null) {
            content.getChildren().add(sections.textSection(i18n.get("detail.prompt"), t.prompt(), "prompt-text"));
        }
        if (t.negativePrompt() != null && !t.negativePrompt().isBlank()) {
            content.getChildren()
                    .add(sections.textSection(i18n.get("detail.negative"), t.negativePrompt(), "negative-text"));
        }
        content.getChildren().add(sections.facts(t, r.authors()));
        content.getChildren().add(sections.ids(t));
        content.getChildren().add(message);
        if (before == null || !before.equals(renderedId)) {
            // Another task: start at its top, not where the previous one was scrolled to.
            setVvalue(0);
        }
    }

    private Button againButton(TaskRecord r) {
        Button again = new Button(i18n.get("detail.generateAgain"), Icons.of(Feather.REFRESH_CCW));
        again.setId("detail-generate-again");
        again.setTooltip(new Tooltip(i18n.get("detail.generateAgain.tip")));
        again.setOnAction(e -> generating.again().accept(r));
        return again;
    }

    /** The lineage read for the task shown: a running task re-renders on every tick; its family does not change meanwhile. */
    private TaskId lineageOf;

    private LineageView lineageKnown;

    /** "Made from …" and "Tries: N", under the stars, once the library has answered (and only when there is a family). */
    private void lineage(TaskRecord r, int at) {
        if (r.id().equals(lineageOf) && lineageKnown != null) {
            showLineage(r, lineageKnown, at);
            return;
        }
        lineageOf = r.id();
        lineageKnown = null;
        generating.lineage().accept(r.id(), view -> {
            if (!r.id().equals(renderedId)) {
                return;
            }
            lineageKnown = view;
            showLineage(r, view, at);
        });
    }

    private void showLineage(TaskRecord r, LineageView view, int at) {
        // One set of links, however many answers arrive for the task shown.
        content.getChildren().removeIf(n -> "detail-lineage".equals(n.getId()));
        if (view.isEmpty()) {
            return;
        }
        HBox links = new HBox(8);
        links.setAlignment(Pos.CENTER_LEFT);
        links.setId("detail-lineage");
        if (view.parent() != null) {
            Hyperlink from =
                    new Hyperlink(i18n.get("detail.madeFrom", view.parentTitle()), Icons.of(Feather.CORNER_UP_LEFT));
            from.setId("detail-made-from");
            from.setOnAction(e -> generating.select().accept(view.parent()));
            links.getChildren().add(from);
        }
        if (!view.tries().isEmpty()) {
            Hyperlink tries =
                    new Hyperlink(i18n.get("detail.tries", view.tries().size()), Icons.of(Feather.LAYERS));
            tries.setId("detail-tries");
            tries.setTooltip(new Tooltip(i18n.get("detail.tries.tip")));
            tries.setOnAction(e -> generating.family().accept(r.id()));
            links.getChildren().add(tries);
        }
        content.getChildren().add(Math.min(at, content.getChildren().size()), links);
    }

    private Node header(TaskRecord r) {
        GenerationTask t = r.task();
        Standing standing = r.standing();
        Label badge = new Label(words.standing(standing), Icons.of(Icons.forStanding(standing)));
        badge.getStyleClass().addAll("badge", standing.key());
        badge.setId("detail-state");
        Label title = new Label(t.modelLabel().isEmpty() ? words.kind(t.kind()) : t.modelLabel());
        title.getStyleClass().add("header-title");
        title.setId("detail-model");
        Label kind = new Label(words.kind(t.kind()));
        kind.getStyleClass().add("note");
        HBox h = new HBox(12, title, kind, DetailSections.spacer(), badge);
        if (generating != null && t.kind() != TaskKind.OTHER) {
            h.getChildren().add(3, againButton(r));
        }
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private Node progress(GenerationTask t) {
        ProgressBar bar = new ProgressBar(
                t.state() == TaskState.WAITING ? ProgressBar.INDETERMINATE_PROGRESS : t.progress() / 100.0);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setId("detail-progress");
        elapsed = new Label();
        elapsed.setId("detail-progress-text");
        tick();
        VBox box = new VBox(4, bar, elapsed);
        return box;
    }

    private void tick() {
        TaskRecord r = vm.recordProperty().get();
        if (r == null || elapsed == null) {
            return;
        }
        GenerationTask t = r.task();
        Instant start =
                t.times().began() != null ? t.times().began() : t.times().created();
        String since = start == null ? "" : words.duration(Duration.between(start, clock.instant()));
        elapsed.setText(
                t.state() == TaskState.WAITING
                        ? i18n.get("detail.waiting", since)
                        : i18n.get("detail.progress", t.progress(), since));
    }

    private Node files(TaskRecord r) {
        VBox box = new VBox(8);
        box.setId("detail-files");
        if (r.files().isEmpty()) {
            Label none = new Label(i18n.get(r.task().state().isActive() ? "detail.filesLater" : "detail.noFiles"));
            none.getStyleClass().add("note");
            box.getChildren().add(none);
            return box;
        }
        double width = Math.max(240, getViewportBounds().getWidth() - 56);
        OutputCard.Actions actions = actions();
        if (r.files().size() > 1) {
            sheet = new ContactSheet(
                    r,
                    width,
                    thumbnails,
                    words,
                    actions::view,
                    files -> comparer.accept(
                            files.stream().map(f -> new ViewerItem(r, f)).toList()));
            box.getChildren().add(sheet.node());
        }
        for (FileRecord f : r.files()) {
            // One output: its card with the preview. Several: the contact sheet above, then a compact card each.
            double natural = vm.pixelSize(f).map(h -> (double) h.width()).orElse(Double.NaN);
            OutputCard card = new OutputCard(
                    f, r.files().size() == 1 ? width : 0, natural, words, thumbnails, clock, actions, downloads);
            cards.add(card);
            box.getChildren().add(card);
        }
        return box;
    }

    // ---- keyboard entry points ---------------------------------------------------------------

    /** Ctrl+S: save the first output of the task on screen. */
    public void downloadFirst() {
        TaskRecord r = vm.recordProperty().get();
        if (r != null && !r.files().isEmpty()) {
            actions().download(r.files().get(0));
        }
    }

    /** The images of the outputs on screen, for waiting until previews have loaded. */
    public List<Image> previewImages() {
        List<Image> out = new ArrayList<>(
                cards.stream().map(OutputCard::image).filter(Objects::nonNull).toList());
        if (sheet != null) {
            out.addAll(sheet.images());
        }
        return out;
    }

    /** A seam for tests and headless runs: where "Save as" writes, instead of asking. */
    private Function<String, Path> chooser = this::askWhereToSave;

    public void setSaveTarget(Function<String, Path> target) {
        this.chooser = target;
    }

    private OutputActions actions() {
        return new OutputActions(
                vm,
                i18n,
                clock,
                toast,
                chooser,
                lastFolder,
                () -> getScene(),
                viewer,
                (id, n) -> rater.accept(id, n),
                r -> {
                    if (generating != null) {
                        generating.again().accept(r);
                    }
                },
                rgb -> colourFinder.accept(rgb));
    }

    /** Where a double-click on a palette's colour leads: the pictures in that colour. */
    public void setColourFinder(IntConsumer finder) {
        this.colourFinder = finder;
    }

    private IntConsumer colourFinder = rgb -> {};

    private Consumer<ViewerItem> viewer = item -> {};

    private Consumer<List<ViewerItem>> comparer = items -> {};
    private BiConsumer<TaskId, Integer> rater = (id, n) -> {};

    /** Where a click on a star goes. */
    public void setRater(BiConsumer<TaskId, Integer> rater) {
        this.rater = rater;
    }

    /** Where "Compare side by side" goes: the main window's compare view. */
    public void setComparer(Consumer<List<ViewerItem>> comparer) {
        this.comparer = comparer;
    }

    /** Where a click on a preview opens it: the main window's viewer. */
    public void setViewer(Consumer<ViewerItem> viewer) {
        this.viewer = viewer;
    }

    /** What the viewer's buttons do: the same as the pane's own (Save as, copy, reveal). */
    public Viewer.Actions viewerActions() {
        return actions();
    }

    private Path askWhereToSave(String suggested) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(suggested);
        if (lastFolder.get() != null) {
            fc.setInitialDirectory(new File(lastFolder.get().toString()));
        }
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return f == null ? null : Path.of(f.getPath());
    }
}
