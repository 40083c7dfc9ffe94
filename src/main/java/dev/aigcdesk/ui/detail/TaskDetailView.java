package dev.aigcdesk.ui.detail;

import dev.aigcdesk.domain.Durations;
import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.OutputConfig;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.Reach;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Icons;
import dev.aigcdesk.ui.common.Standing;
import dev.aigcdesk.ui.common.Words;
import dev.aigcdesk.ui.preview.Thumbnails;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
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
    private Consumer<String> toast = s -> { };
    private Label elapsed;

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
    public void setToast(Consumer<String> toast) {
        this.toast = toast;
    }

    private void render(TaskRecord r) {
        cards.forEach(OutputCard::dispose);
        cards.clear();
        content.getChildren().clear();
        ticker.stop();
        if (r == null) {
            Label empty = new Label(i18n.get("detail.empty"), Icons.of(Feather.MOUSE_POINTER, 20));
            VBox box = new VBox(empty);
            box.getStyleClass().add("empty-state");
            content.getChildren().add(box);
            return;
        }
        GenerationTask t = r.task();
        content.getChildren().add(header(r));
        if (t.state().isActive() && r.reach() == Reach.REACHABLE && t.state() != TaskState.UNKNOWN) {
            content.getChildren().add(progress(t));
            ticker.play();
        }
        notes(r).ifPresent(content.getChildren()::add);
        t.failureInfo().filter(f -> t.state() == TaskState.FAILED || t.state() == TaskState.ABORTED).ifPresent(f -> {
            Label title = new Label(i18n.get("detail.failed.title"), Icons.of(Feather.ALERT_OCTAGON));
            title.getStyleClass().add("title");
            Label plain = new Label(f.plainMessage());
            plain.setId("failure-message");
            plain.setWrapText(true);
            String raw = (f.code() != 0 ? String.valueOf(f.code()) : "") + (f.extCode().isEmpty() ? "" : (f.code() != 0 ? " · " : "") + f.extCode());
            VBox box = new VBox(4, title, plain);
            if (!raw.isBlank() || !f.message().isBlank()) {
                Label codes = new Label((raw.isBlank() ? "" : raw + "\n") + f.message());
                codes.setWrapText(true);
                codes.getStyleClass().add("mono");
                box.getChildren().add(codes);
            }
            box.getStyleClass().add("error-box");
            box.setId("error-box");
            content.getChildren().add(box);
        });
        if (t.prompt() != null) {
            content.getChildren().add(textSection(i18n.get("detail.prompt"), t.prompt(), "prompt-text"));
        }
        if (t.negativePrompt() != null && !t.negativePrompt().isBlank()) {
            content.getChildren().add(textSection(i18n.get("detail.negative"), t.negativePrompt(), "negative-text"));
        }
        content.getChildren().add(facts(t));
        content.getChildren().add(ids(t));
        content.getChildren().add(files(r));
        content.getChildren().add(message);
    }

    private Node header(TaskRecord r) {
        GenerationTask t = r.task();
        Standing standing = Standing.of(r);
        Label badge = new Label(words.standing(standing), Icons.of(Icons.forStanding(standing)));
        badge.getStyleClass().addAll("badge", standing.styleClass());
        badge.setId("detail-state");
        Label title = new Label(t.modelLabel().isEmpty() ? words.kind(t.kind()) : t.modelLabel());
        title.getStyleClass().add("header-title");
        title.setId("detail-model");
        Label kind = new Label(words.kind(t.kind()));
        kind.getStyleClass().add("note");
        HBox h = new HBox(12, title, kind, spacer(), badge);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private Node progress(GenerationTask t) {
        ProgressBar bar = new ProgressBar(t.state() == TaskState.WAITING ? ProgressBar.INDETERMINATE_PROGRESS : t.progress() / 100.0);
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
        Instant start = t.times().began() != null ? t.times().began() : t.times().created();
        String since = start == null ? "" : words.duration(Duration.between(start, clock.instant()));
        elapsed.setText(t.state() == TaskState.WAITING ? i18n.get("detail.waiting", since) : i18n.get("detail.progress", t.progress(), since));
    }

    private java.util.Optional<Node> notes(TaskRecord r) {
        String key = r.reach() == Reach.OUT_OF_REACH ? "detail.outOfReach" : r.reach() == Reach.NOT_FOUND ? "detail.notFound"
                : !r.wasAnswered() ? "detail.notFetched" : null;
        if (key == null) {
            return java.util.Optional.empty();
        }
        Label l = new Label(i18n.get(key) + (r.lastError() != null && r.reach() != Reach.REACHABLE ? "" : r.lastError() == null ? "" : "\n" + r.lastError()),
                Icons.of(Feather.INFO));
        l.setWrapText(true);
        l.getStyleClass().add("note");
        l.setId("reach-note");
        return java.util.Optional.of(l);
    }

    private Node textSection(String title, String text, String id) {
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

    private Node facts(GenerationTask t) {
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(4);
        int row = 0;
        OutputConfig c = t.outputConfig();
        row = fact(g, row, "detail.enhance", t.enhancePrompt());
        row = fact(g, row, "detail.seed", t.seed() == null ? null : t.seed().toString());
        row = fact(g, row, "detail.scene", t.sceneType());
        row = fact(g, row, "detail.mode", t.generationMode());
        row = fact(g, row, "detail.resolution", c.resolution());
        row = fact(g, row, "detail.aspect", c.aspectRatio());
        row = fact(g, row, "detail.duration", c.durationSeconds() == null ? null : String.format("%.0f s", c.durationSeconds()));
        row = fact(g, row, "detail.storage", c.storageMode());
        row = fact(g, row, "detail.created", t.times().created() == null ? null : words.dateTime(t.times().created()));
        row = fact(g, row, "detail.started", t.times().began() == null ? null : words.dateTime(t.times().began()));
        row = fact(g, row, "detail.finished", t.times().finished() == null ? null : words.dateTime(t.times().finished()));
        if (t.times().finished() != null && t.times().queued().isPresent() && t.times().took().isPresent()) {
            Label timing = new Label(i18n.get("detail.timing", Durations.compact(t.times().queued().get()), Durations.compact(t.times().took().get())));
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
        Label v = new Label(value);
        g.add(name, 0, row);
        g.add(v, 1, row);
        return row + 1;
    }

    private Node ids(GenerationTask t) {
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

    private Node files(TaskRecord r) {
        Label title = new Label(i18n.get("detail.files"));
        title.getStyleClass().add("section-title");
        VBox box = new VBox(8, title);
        if (r.files().isEmpty()) {
            Label none = new Label(i18n.get(r.task().state().isActive() ? "detail.filesLater" : "detail.noFiles"));
            none.getStyleClass().add("note");
            box.getChildren().add(none);
        }
        double width = Math.max(240, getViewportBounds().getWidth() - 72);
        OutputCard.Actions actions = actions();
        for (FileRecord f : r.files()) {
            OutputCard card = new OutputCard(f, width, words, thumbnails, clock, actions);
            cards.add(card);
            box.getChildren().add(card);
        }
        return box;
    }

    private Button copyButton(String text) {
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

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    // ---- keyboard entry points ---------------------------------------------------------------

    /** Ctrl+S: save the first output of the task on screen. */
    public void downloadFirst() {
        TaskRecord r = vm.recordProperty().get();
        if (r != null && !r.files().isEmpty()) {
            actions().download(r.files().get(0));
        }
    }

    /** Enter: open the first image in the viewer. */
    public void viewFirst() {
        for (OutputCard c : cards) {
            if (c.image() != null) {
                TaskRecord r = vm.recordProperty().get();
                actions().view(r.files().get(cards.indexOf(c)), c.image());
                return;
            }
        }
    }

    /** The images of the outputs on screen, for waiting until previews have loaded. */
    public List<javafx.scene.image.Image> previewImages() {
        return cards.stream().map(OutputCard::image).filter(java.util.Objects::nonNull).toList();
    }

    /** A seam for tests and headless runs: where "Save as" writes, instead of asking. */
    private java.util.function.Function<String, Path> chooser = this::askWhereToSave;

    public void setSaveTarget(java.util.function.Function<String, Path> target) {
        this.chooser = target;
    }

    private OutputActions actions() {
        return new OutputActions(vm, i18n, clock, toast, chooser, lastFolder, () -> getScene());
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
