package dev.aigcdesk.ui.preview;

import dev.aigcdesk.ui.common.Words;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Two to four outputs side by side, zoom and pan locked together, each with its prompt and model
 * under it, so the differences between tries show at a glance.
 */
public final class CompareView {

    private final Stage stage = new Stage();
    private final List<ZoomPane> panes = new ArrayList<>();

    public CompareView(Window owner, List<ViewerItem> items, Words words, List<String> stylesheets) {
        if (items.size() < 2 || items.size() > 4) {
            throw new IllegalArgumentException("Compare takes 2 to 4 outputs, not " + items.size());
        }
        HBox columns = new HBox(8);
        columns.setId("compare");
        for (ViewerItem item : items) {
            ZoomPane pane = new ZoomPane(words.i18n(), null);
            pane.show(item.file());
            Label prompt = new Label(item.title());
            prompt.getStyleClass().add("compare-prompt");
            prompt.setWrapText(true);
            Label model = new Label(item.task().task().modelLabel() + " · " + item.task().id().shortId() + " · " + item.file().index());
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
        HBox bar = new HBox(8, new Label(words.i18n().get("compare.title", items.size())), Viewer.spacer(), fit, actual, lead.label());
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("viewer-bar");
        BorderPane root = new BorderPane(columns, bar, null, null, null);
        BorderPane.setMargin(columns, new Insets(8));
        Scene scene = new Scene(root, 1400, 820);
        scene.getStylesheets().addAll(stylesheets);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case ESCAPE, SPACE -> stage.close();
                case F11 -> stage.setFullScreen(!stage.isFullScreen());
                case DIGIT0, F -> lead.fit();
                case DIGIT1 -> lead.setZoom(1);
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

    public List<javafx.scene.image.Image> images() {
        return panes.stream().map(ZoomPane::image).filter(java.util.Objects::nonNull).toList();
    }

    public void setZoom(double z) {
        panes.get(0).setZoom(z);
    }
}
