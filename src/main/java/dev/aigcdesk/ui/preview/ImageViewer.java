package dev.aigcdesk.ui.preview;

import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Icons;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/** A window for one image: fit, 1:1, zoom with buttons, keys or the wheel, and pan by dragging. */
public final class ImageViewer {

    private final ImageView view = new ImageView();
    private final ScrollPane scroll;
    private final Label zoomLabel = new Label();
    private final Stage stage = new Stage();
    private double zoom = 1;
    private boolean fit = true;

    public ImageViewer(Window owner, Image image, String title, I18n i18n, java.util.List<String> stylesheets) {
        view.setImage(image);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        StackPane content = new StackPane(view);
        content.getStyleClass().add("viewer");
        scroll = new ScrollPane(content);
        scroll.setPannable(true);
        scroll.getStyleClass().add("viewer");
        content.minWidthProperty().bind(scroll.widthProperty().subtract(2));
        content.minHeightProperty().bind(scroll.heightProperty().subtract(2));
        Button fitButton = button(Feather.MAXIMIZE, i18n.get("viewer.fit"), this::fit);
        Button actual = button(Feather.SQUARE, i18n.get("viewer.actual"), () -> setZoom(1));
        Button in = button(Feather.ZOOM_IN, i18n.get("viewer.zoomIn"), () -> setZoom(zoom * 1.25));
        Button out = button(Feather.ZOOM_OUT, i18n.get("viewer.zoomOut"), () -> setZoom(zoom / 1.25));
        HBox bar = new HBox(8, fitButton, actual, out, in, zoomLabel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        BorderPane root = new BorderPane(scroll, bar, null, null, null);
        scroll.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (e.isControlDown() || e.isShortcutDown()) {
                setZoom(zoom * (e.getDeltaY() > 0 ? 1.1 : 1 / 1.1));
                e.consume();
            }
        });
        Scene scene = new Scene(root, 1000, 760);
        scene.getStylesheets().addAll(stylesheets);
        scene.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case ESCAPE -> stage.close();
                case DIGIT0, F -> fit();
                case DIGIT1 -> setZoom(1);
                case PLUS, EQUALS, ADD -> setZoom(zoom * 1.25);
                case MINUS, SUBTRACT -> setZoom(zoom / 1.25);
                default -> { }
            }
        });
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            if (fit) {
                fit();
            }
        });
        stage.setTitle(title);
        stage.initOwner(owner);
        stage.setScene(scene);
        image.progressProperty().addListener((o, a, b) -> {
            if (b.doubleValue() >= 1 && fit) {
                fit();
            }
        });
    }

    public void show() {
        stage.show();
        fit();
    }

    public Stage stage() {
        return stage;
    }

    public double zoom() {
        return zoom;
    }

    void fit() {
        Image img = view.getImage();
        double w = scroll.getViewportBounds().getWidth();
        double h = scroll.getViewportBounds().getHeight();
        if (img == null || img.getWidth() <= 0 || w <= 0 || h <= 0) {
            return;
        }
        applyZoom(Math.min(1, Math.min(w / img.getWidth(), h / img.getHeight())));
        fit = true;
    }

    void setZoom(double z) {
        fit = false;
        applyZoom(Math.max(0.05, Math.min(16, z)));
    }

    private void applyZoom(double z) {
        zoom = z;
        Image img = view.getImage();
        if (img != null) {
            view.setFitWidth(img.getWidth() * z);
            view.setFitHeight(img.getHeight() * z);
        }
        zoomLabel.setText(Math.round(z * 100) + "%");
    }

    private static Button button(Feather icon, String text, Runnable action) {
        Button b = new Button(null, Icons.of(icon));
        b.setTooltip(new Tooltip(text));
        b.setAccessibleText(text);
        b.setOnAction(e -> action.run());
        b.getStyleClass().add("flat");
        return b;
    }
}
