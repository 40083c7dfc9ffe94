package dev.aigcdesk.ui.preview;

import dev.aigcdesk.ui.common.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Two to four outputs side by side, zoom and pan locked together, each with its prompt and model
 * under it, so the differences between tries show at a glance.
 */
public final class CompareView {

    private final Stage stage = new Stage();
    private final List<ZoomPane> panes = new ArrayList<>();
    /** The slider mode: the second output under the first, the first shown only left of the divider. */
    private final DoubleProperty split = new SimpleDoubleProperty(0.5);

    private final StackPane slider = new StackPane();
    private final Rectangle clip = new Rectangle();
    private final Pane handleLayer = new Pane();

    {
        slider.setId("compare-overlay");
        slider.setVisible(false);
        clip.widthProperty().bind(slider.widthProperty().multiply(split));
        clip.heightProperty().bind(slider.heightProperty());
        Region handle = new Region();
        handle.setId("compare-divider");
        handle.getStyleClass().add("compare-divider");
        handle.setPrefWidth(12);
        handle.prefHeightProperty().bind(slider.heightProperty());
        handle.layoutXProperty().bind(slider.widthProperty().multiply(split).subtract(6));
        handle.setCursor(Cursor.H_RESIZE);
        handle.setOnMouseDragged(e -> {
            double x = slider.sceneToLocal(e.getSceneX(), e.getSceneY()).getX();
            split.set(Math.max(0, Math.min(1, x / Math.max(1, slider.getWidth()))));
            e.consume();
        });
        handleLayer.getChildren().add(handle);
        handleLayer.setPickOnBounds(false);
    }

    public CompareView(Window owner, List<ViewerItem> items, Words words, List<String> stylesheets) {
        if (items.size() < 2 || items.size() > 4) {
            throw new IllegalArgumentException("Compare takes 2 to 4 outputs, not " + items.size());
        }
        HBox columns = new HBox(8);
        columns.setId("compare");
        for (ViewerItem item : items) {
            ZoomPane pane = new ZoomPane(
                    words.i18n(), null, DecodeSize.budget(Runtime.getRuntime().maxMemory(), items.size()));
            pane.show(item.file());
            Label prompt = caption(item.title());
            prompt.setWrapText(true);
            prompt.getStyleClass().add("two-lines");
            Label model = new Label(item.task().task().modelLabel() + " · "
                    + item.task().id().shortId() + " · " + item.file().index());
            model.getStyleClass().add("note");
            VBox column = new VBox(4, pane.node(), prompt, model);
            column.setId("compare-" + panes.size());
            VBox.setVgrow(pane.node(), Priority.ALWAYS);
            HBox.setHgrow(column, Priority.ALWAYS);
            column.setPrefWidth(10);
            columns.getChildren().add(column);
            panes.add(pane);
        }
        // One zoom and one scroll position for all: what is looked at in one is looked at in every other.
        ZoomPane lead = panes.get(0);
        for (ZoomPane other : panes.subList(1, panes.size())) {
            other.zoomProperty().bindBidirectional(lead.zoomProperty());
            other.fittingProperty().bindBidirectional(lead.fittingProperty());
            other.hvalueProperty().bindBidirectional(lead.hvalueProperty());
            other.vvalueProperty().bindBidirectional(lead.vvalueProperty());
        }
        Button fit = new Button(words.i18n().get("viewer.fit"));
        fit.setOnAction(e -> lead.fit());
        Button actual = new Button(words.i18n().get("viewer.actual"));
        actual.setOnAction(e -> lead.setZoom(1));
        HBox bar = new HBox(
                8,
                new Label(words.i18n().get("compare.title", items.size())),
                Viewer.spacer(),
                fit,
                actual,
                lead.label());
        BorderPane root = new BorderPane(columns, bar, null, null, null);
        if (items.size() == 2) {
            bar.getChildren().add(1, modeToggle(words, root, columns, items));
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("viewer-bar");
        BorderPane.setMargin(columns, new Insets(8));
        Scene scene = new Scene(root, 1400, 820);
        scene.getStylesheets().addAll(stylesheets);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case ESCAPE, SPACE -> stage.close();
                case F11 -> stage.setFullScreen(!stage.isFullScreen());
                case DIGIT0, F -> lead.fit();
                case DIGIT1 -> lead.setZoom(1);
                case LEFT, RIGHT -> {
                    if (!slider.isVisible()) {
                        return;
                    }
                    split.set(Math.max(0, Math.min(1, split.get() + (e.getCode() == KeyCode.LEFT ? -0.05 : 0.05))));
                }
                default -> {
                    return;
                }
            }
            e.consume();
        });
        stage.setTitle(words.i18n().get("compare.title", items.size()));
        stage.initOwner(owner);
        stage.setScene(scene);
    }

    /** Side by side, or (for two) one over the other with a divider to drag: the way to see small differences. */
    private Node modeToggle(Words words, BorderPane root, HBox columns, List<ViewerItem> items) {
        ToggleButton sideBySide = new ToggleButton(words.i18n().get("compare.sideBySide"));
        ToggleButton overlay = new ToggleButton(words.i18n().get("compare.slider"));
        sideBySide.setId("compare-side-by-side");
        overlay.setId("compare-slider");
        sideBySide.getStyleClass().add("left-pill");
        overlay.getStyleClass().add("right-pill");
        ToggleGroup group = new ToggleGroup();
        sideBySide.setToggleGroup(group);
        overlay.setToggleGroup(group);
        sideBySide.setSelected(true);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
                return;
            }
            boolean slide = b == overlay;
            List<Node> views = panes.stream().map(ZoomPane::node).toList();
            if (slide) {
                for (Node column : columns.getChildren()) {
                    ((VBox) column)
                            .getChildren()
                            .remove(views.get(columns.getChildren().indexOf(column)));
                }
                slider.getChildren().setAll(views.get(1), views.get(0), handleLayer);
                root.setCenter(new VBox(4, slider, captions(items)));
                VBox.setVgrow(slider, Priority.ALWAYS);
            } else {
                slider.getChildren().clear();
                for (int i = 0; i < columns.getChildren().size(); i++) {
                    ((VBox) columns.getChildren().get(i)).getChildren().add(0, views.get(i));
                }
                root.setCenter(columns);
            }
            views.get(0).setClip(slide ? clip : null);
            slider.setVisible(slide);
        });
        HBox toggle = new HBox(0, sideBySide, overlay);
        return toggle;
    }

    /**
     * A picture's caption: at most two lines (app.css caps its height), the whole text in its tooltip. A long
     * prompt must not take the picture's room.
     */
    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("compare-prompt");
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setTooltip(new Tooltip(text));
        l.getTooltip().setWrapText(true);
        l.getTooltip().setMaxWidth(480);
        return l;
    }

    private Node captions(List<ViewerItem> items) {
        Label left = caption(
                "◀ " + items.get(0).title() + " · " + items.get(0).task().task().modelLabel());
        Label right = caption(
                items.get(1).title() + " · " + items.get(1).task().task().modelLabel() + " ▶");
        HBox row = new HBox(8, left, Viewer.spacer(), right);
        row.setPadding(new Insets(0, 8, 0, 8));
        return row;
    }

    /** Where the divider stands in the slider mode, as a share of the width (0.5: the middle). */
    public DoubleProperty splitProperty() {
        return split;
    }

    /** Whether the two are shown one over the other with the divider (tests). */
    public boolean sliding() {
        return slider.isVisible();
    }

    public void show() {
        stage.show();
        panes.get(0).fit();
    }

    public Stage stage() {
        return stage;
    }

    /** The zoom of each side (they are locked together). */
    public List<Double> zooms() {
        return panes.stream().map(ZoomPane::zoom).toList();
    }

    public List<Image> images() {
        return panes.stream().map(ZoomPane::image).filter(Objects::nonNull).toList();
    }

    public void setZoom(double z) {
        panes.get(0).setZoom(z);
    }
}
