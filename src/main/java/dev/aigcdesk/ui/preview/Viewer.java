package dev.aigcdesk.ui.preview;

import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Icons;
import dev.aigcdesk.ui.common.PaletteStrip;
import dev.aigcdesk.ui.common.Words;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/**
 * The viewer: one output at a time, at full size. Left and right go through the outputs of a task
 * and on to the next task; Space or Escape closes it (a quick look, as in Eagle and macOS); F11 is
 * full screen; the wheel zooms around the cursor; I shows or hides the info panel.
 */
public final class Viewer {

    /** Where previous and next lead: the task's other outputs, then the neighbouring tasks. */
    public interface Source {
        Optional<ViewerItem> next(ViewerItem from);

        Optional<ViewerItem> previous(ViewerItem from);
    }

    /** What the viewer's buttons do with the output on screen. */
    public interface Actions extends PaletteStrip.Actions {
        void download(ViewerItem item);

        void copyImage(ViewerItem item, Image image);

        void copyPrompt(ViewerItem item);

        void reveal(ViewerItem item);

        /** Hands a video to the desktop's player. */
        void openInPlayer(ViewerItem item);

        /** The New generation panel, filled in from the task on screen (G). */
        void generateAgain(ViewerItem item);

        /** Stars for the task on screen (0 clears). */
        void rate(ViewerItem item, int stars);
    }

    private final Stage stage = new Stage();
    private final ZoomPane zoom;
    private final InfoPanel info;
    private final Label title = new Label();
    private final Label position = new Label();
    private final Source source;
    private final Button reveal;
    private ViewerItem current;

    public Viewer(
            Window owner,
            Source source,
            Actions actions,
            Words words,
            Thumbnails thumbnails,
            List<String> stylesheets) {
        this.source = source;
        I18n i18n = words.i18n();
        zoom = new ZoomPane(
                i18n,
                f -> new VideoPane(f, 960, thumbnails, i18n, () -> actions.openInPlayer(current)),
                DecodeSize.budget(Runtime.getRuntime().maxMemory(), 1));
        info = new InfoPanel(words, actions::rate, actions);
        Button prev = iconButton(Feather.CHEVRON_LEFT, i18n.get("viewer.previous"), this::previous);
        prev.setId("viewer-previous");
        Button next = iconButton(Feather.CHEVRON_RIGHT, i18n.get("viewer.next"), this::next);
        next.setId("viewer-next");
        title.getStyleClass().add("viewer-title");
        title.setId("viewer-title");
        title.setMinWidth(0);
        HBox.setHgrow(title, Priority.SOMETIMES);
        Button fit = textButton(i18n.get("viewer.fit"), zoom::fit);
        fit.setId("viewer-fit");
        Button actual = textButton(i18n.get("viewer.actual"), () -> zoom.setZoom(1));
        actual.setId("viewer-actual");
        Button download = iconButton(Feather.DOWNLOAD, i18n.get("file.download"), () -> actions.download(current));
        Button copyImage =
                iconButton(Feather.IMAGE, i18n.get("file.copyImage"), () -> actions.copyImage(current, zoom.image()));
        Button copyPrompt = iconButton(Feather.TYPE, i18n.get("viewer.copyPrompt"), () -> actions.copyPrompt(current));
        reveal = iconButton(Feather.FOLDER, i18n.get("file.reveal"), () -> actions.reveal(current));
        Button again = iconButton(
                Feather.REFRESH_CCW, i18n.get("detail.generateAgain") + " (G)", () -> actions.generateAgain(current));
        again.setId("viewer-generate-again");
        ToggleButton infoToggle = new ToggleButton(null, Icons.of(Feather.INFO));
        infoToggle.setTooltip(new Tooltip(i18n.get("viewer.info")));
        infoToggle.setAccessibleText(i18n.get("viewer.info"));
        infoToggle.setSelected(true);
        infoToggle.setId("viewer-info-toggle");
        infoToggle.selectedProperty().addListener((o, a, b) -> info.node().setVisible(b));
        info.node().managedProperty().bind(info.node().visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(
                8,
                prev,
                next,
                position,
                title,
                spacer,
                fit,
                actual,
                zoom.label(),
                download,
                copyImage,
                copyPrompt,
                reveal,
                again,
                infoToggle);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("viewer-bar");
        BorderPane root = new BorderPane(zoom.node(), bar, info.node(), null, null);
        root.setId("viewer");
        Scene scene = new Scene(root, 1200, 800);
        scene.getStylesheets().addAll(stylesheets);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case LEFT -> previous();
                case RIGHT -> next();
                case SPACE, ESCAPE -> stage.close();
                case F11 -> stage.setFullScreen(!stage.isFullScreen());
                case I -> infoToggle.setSelected(!infoToggle.isSelected());
                case G -> again.fire();
                case DIGIT0, F -> zoom.fit();
                case DIGIT1 -> zoom.setZoom(1);
                case PLUS, EQUALS, ADD -> zoom.zoomBy(1.25);
                case MINUS, SUBTRACT -> zoom.zoomBy(1 / 1.25);
                case DIGIT2, DIGIT3, DIGIT4, DIGIT5 ->
                    info.rate(current, e.getCode().getChar().charAt(0) - '0');
                default -> {
                    return;
                }
            }
            e.consume();
        });
        stage.initOwner(owner);
        stage.setScene(scene);
        stage.setOnHidden(e -> zoom.clear());
    }

    /** Shows an output (opening the window if it is closed). */
    public void show(ViewerItem item) {
        current = item;
        stage.setTitle(item.title());
        title.setText(item.title());
        title.setTooltip(new Tooltip(
                item.task().task().prompt() == null
                        ? item.title()
                        : item.task().task().prompt()));
        position.setText(
                item.task().files().size() > 1
                        ? item.file().index() + " / " + item.task().files().size()
                        : "");
        reveal.setDisable(!item.file().isArchived());
        info.show(item);
        zoom.show(item.file());
        if (!stage.isShowing()) {
            stage.show();
        }
        zoom.fit();
    }

    public void next() {
        if (current != null) {
            source.next(current).ifPresent(this::show);
        }
    }

    public void previous() {
        if (current != null) {
            source.previous(current).ifPresent(this::show);
        }
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    public void close() {
        stage.close();
    }

    public ViewerItem current() {
        return current;
    }

    public Stage stage() {
        return stage;
    }

    public double zoom() {
        return zoom.zoom();
    }

    private static Button iconButton(Feather icon, String text, Runnable action) {
        Button b = new Button(null, Icons.of(icon));
        b.setTooltip(new Tooltip(text));
        b.setAccessibleText(text);
        b.setOnAction(e -> action.run());
        b.getStyleClass().add("flat");
        return b;
    }

    private static Button textButton(String text, Runnable action) {
        Button b = new Button(text);
        b.setAccessibleText(text);
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    static Node spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
