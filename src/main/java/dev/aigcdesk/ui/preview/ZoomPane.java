package dev.aigcdesk.ui.preview;

import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Icons;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * An image that zooms and pans: Fit (never above 1:1), 1:1, and the wheel zooming around the
 * cursor. Its zoom and scroll position are properties, so a compare view can lock several together.
 */
public final class ZoomPane {

    private final ImageView view = new ImageView();
    private final StackPane content = new StackPane(view);
    private final ScrollPane scroll = new ScrollPane(content);
    private final Label zoomLabel = new Label();
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final I18n i18n;
    /** Fitting to the window (true) or at a zoom the user chose; shared in a compare view, like the zoom. */
    private final BooleanProperty fit = new SimpleBooleanProperty(true);

    private final Function<FileRecord, VideoPane> videos;
    private final long maxPixels;
    private VideoPane video;
    /** The picture's own pixels when it was decoded as a smaller copy ({@link DecodeSize}), else null: the zoom stays true to them. */
    private double[] fullSize;

    /**
     * @param videos    makes the player for a video output, or null to show a card for videos instead
     * @param maxPixels the most pixels a picture is decoded at ({@link DecodeSize#budget})
     */
    public ZoomPane(I18n i18n, Function<FileRecord, VideoPane> videos, long maxPixels) {
        this.i18n = i18n;
        this.videos = videos;
        this.maxPixels = maxPixels;
        view.setPreserveRatio(true);
        view.setSmooth(true);
        content.getStyleClass().add("viewer");
        scroll.setPannable(true);
        scroll.getStyleClass().add("viewer");
        content.minWidthProperty().bind(scroll.widthProperty().subtract(2));
        content.minHeightProperty().bind(scroll.heightProperty().subtract(2));
        scroll.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                zoomAround(zoom.get() * (e.getDeltaY() > 0 ? 1.15 : 1 / 1.15), e.getX(), e.getY());
                e.consume();
            }
        });
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            if (fit.get()) {
                fit();
            }
        });
        zoom.addListener((o, a, b) -> apply(b.doubleValue()));
        zoomLabel.setMinWidth(48);
        zoomLabel.setId("viewer-zoom");
    }

    public Node node() {
        return scroll;
    }

    public Label label() {
        return zoomLabel;
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public BooleanProperty fittingProperty() {
        return fit;
    }

    public DoubleProperty hvalueProperty() {
        return scroll.hvalueProperty();
    }

    public DoubleProperty vvalueProperty() {
        return scroll.vvalueProperty();
    }

    public double zoom() {
        return zoom.get();
    }

    Image image() {
        return view.getImage();
    }

    /** Loads the output at full size, in the background; a video or an oversized image shows a card instead. */
    public void show(FileRecord f) {
        dispose();
        if (f.file().isVideo() && videos != null && f.isArchived()) {
            view.setImage(null);
            video = videos.apply(f);
            content.getChildren().setAll(video);
            return;
        }
        if (!f.file().isImage() || f.flags().contains(FileRecord.FLAG_OVERSIZED)) {
            view.setImage(null);
            String key = f.file().isVideo() ? "viewer.video" : "file.oversized";
            content.getChildren()
                    .setAll(new VBox(
                            8,
                            Icons.of(f.file().isVideo() ? Feather.FILM : Feather.ALERT_TRIANGLE, 48),
                            new Label(i18n.get(key))));
            return;
        }
        var reduced = DecodeSize.reduced(f.file().width(), f.file().height(), maxPixels);
        fullSize = reduced.map(r -> new double[] {f.file().width(), f.file().height()})
                .orElse(null);
        Image img = reduced.map(r -> new Image(f.bestSource(), r.width(), r.height(), true, true, true))
                .orElseGet(() -> new Image(f.bestSource(), true));
        zoomLabel.setTooltip(reduced.map(r -> new Tooltip(i18n.get(
                        "viewer.reduced",
                        r.width(),
                        r.height(),
                        f.file().width(),
                        f.file().height())))
                .orElse(null));
        view.setImage(img);
        content.getChildren().setAll(view);
        fit.set(true);
        img.progressProperty().addListener((o, a, b) -> {
            if (b.doubleValue() >= 1 && fit.get()) {
                fit();
            }
        });
    }

    void clear() {
        view.setImage(null);
        dispose();
    }

    /** Stops a playing video and lets its player go. */
    void dispose() {
        if (video != null) {
            video.dispose();
            video = null;
        }
    }

    /** As large as fits, but never larger than the image's own pixels. */
    public void fit() {
        Image img = view.getImage();
        double w = scroll.getViewportBounds().getWidth();
        double h = scroll.getViewportBounds().getHeight();
        fit.set(true);
        if (img == null || img.getWidth() <= 0 || w <= 0 || h <= 0) {
            return;
        }
        zoom.set(Math.min(1, Math.min(w / width(img), h / height(img))));
        apply(zoom.get());
    }

    public void setZoom(double z) {
        fit.set(false);
        zoom.set(Math.max(0.05, Math.min(16, z)));
    }

    void zoomBy(double factor) {
        setZoom(zoom.get() * factor);
    }

    /** Zooms keeping the image point under (x, y) of the viewport where it is. */
    private void zoomAround(double z, double x, double y) {
        Image img = view.getImage();
        if (img == null) {
            return;
        }
        Bounds vp = scroll.getViewportBounds();
        double oldW = content.getWidth();
        double oldH = content.getHeight();
        double px = scroll.getHvalue() * Math.max(0, oldW - vp.getWidth()) + x;
        double py = scroll.getVvalue() * Math.max(0, oldH - vp.getHeight()) + y;
        double ratio = Math.max(0.05, Math.min(16, z)) / zoom.get();
        setZoom(z);
        content.applyCss();
        content.layout();
        double newW = Math.max(content.getWidth(), width(img) * zoom.get());
        double newH = Math.max(content.getHeight(), height(img) * zoom.get());
        if (newW > vp.getWidth()) {
            scroll.setHvalue(clamp((px * ratio - x) / (newW - vp.getWidth())));
        }
        if (newH > vp.getHeight()) {
            scroll.setVvalue(clamp((py * ratio - y) / (newH - vp.getHeight())));
        }
    }

    private void apply(double z) {
        Image img = view.getImage();
        if (img != null && img.getWidth() > 0) {
            view.setFitWidth(width(img) * z);
            view.setFitHeight(height(img) * z);
        }
        String percent = Math.round(z * 100) + "%";
        zoomLabel.setText(fullSize == null ? percent : percent + " · " + i18n.get("viewer.reducedShort"));
    }

    /** The picture's own width (a reduced copy is shown at the size of the original). */
    private double width(Image img) {
        return fullSize != null ? fullSize[0] : img.getWidth();
    }

    private double height(Image img) {
        return fullSize != null ? fullSize[1] : img.getHeight();
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
