package dev.aigcdesk.ui.tasklist;

import dev.aigcdesk.domain.Standing;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.ui.common.Icons;
import dev.aigcdesk.ui.common.Shown;
import dev.aigcdesk.ui.common.Words;
import dev.aigcdesk.ui.preview.Thumbnails;
import dev.aigcdesk.ui.preview.VideoPane;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A tile of the gallery, as wide as its picture's shape: the picture filling it; where there is none,
 * a card that says in colour what the task is doing (running with its progress, failed, lost) and its
 * prompt. Hovering a picture shows its prompt along the bottom, and in full as a tooltip.
 */
public final class TaskTile extends StackPane {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected-tile");
    /** Thumbnails are decoded at sizes rounded up to this step, so tiles of similar width share one decode. */
    private static final int DECODE_STEP = 32;

    private static final Insets BADGE_CORNER = new Insets(8);
    private static final Insets BADGE_BELOW_DAY = new Insets(36, 8, 8, 8);

    /** A tile is a picture, a card (no picture: the state in colour), or loading (its page is being read). */
    private static final List<String> LOOKS = List.of("picture", "card", "loading");

    private final Words words;
    private final Thumbnails thumbnails;
    private final Predicate<TaskRecord> isSelected;
    private final IntFunction<String> dayHeading;
    private final ImageView image = new ImageView();
    private final Label badge = new Label();
    private final Label caption = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Tooltip tip = new Tooltip();
    /** On a video's poster: a play mark and its length, so it reads as a clip at a glance. */
    private final Label clip = new Label(null, Icons.of(Feather.PLAY, 12));
    /** On the first tile of a day: the day, so where each day begins shows at a glance. */
    private final Label day = new Label();
    /** A card's icon when there is no picture (running, failed, lost, not saved yet). */
    private final FontIcon icon = Icons.of(Feather.IMAGE, 32);
    /** The selection's ring, over everything. */
    private final Region ring = new Region();

    private int index = -1;
    private TaskRecord item;
    private double tileWidth;
    private double tileHeight;

    TaskTile(Words words, Thumbnails thumbnails, Predicate<TaskRecord> isSelected, IntFunction<String> dayHeading) {
        this.words = words;
        this.thumbnails = thumbnails;
        this.isSelected = isSelected;
        this.dayHeading = dayHeading;
        getStyleClass().addAll("task-tile", "tile-frame");
        setManaged(false);
        image.setPreserveRatio(false);
        image.setSmooth(true);
        caption.getStyleClass().add("caption");
        caption.setMaxWidth(Double.MAX_VALUE);
        StackPane.setAlignment(caption, Pos.BOTTOM_LEFT);
        badge.getStyleClass().add("badge");
        StackPane.setAlignment(badge, Pos.TOP_RIGHT);
        StackPane.setMargin(badge, BADGE_CORNER);
        progress.setMaxWidth(Double.MAX_VALUE);
        StackPane.setAlignment(progress, Pos.BOTTOM_CENTER);
        StackPane.setMargin(progress, new Insets(0, 8, 32, 8));
        day.getStyleClass().add("tile-day");
        StackPane.setAlignment(day, Pos.TOP_LEFT);
        StackPane.setMargin(day, new Insets(8));
        clip.getStyleClass().add("clip-badge");
        StackPane.setAlignment(clip, Pos.BOTTOM_LEFT);
        StackPane.setMargin(clip, new Insets(8));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        Tooltip.install(this, tip);
        ring.getStyleClass().add("tile-ring");
        ring.setMouseTransparent(true);
        layers = List.of(image, icon, clip, badge, progress, caption, day, ring);
        // A picture needs only these; the rest join the tile the first time it needs them (a window opening in the
        // gallery styles a screenful of tiles), then stay and are only shown or hidden, so a recycled tile is not
        // restyled.
        getChildren().setAll(image, caption, ring);
    }

    /** Every part in drawing order, bottom first. */
    private final List<Node> layers;

    /** Shows or hides a part, adding it to the tile (in its layer) the first time it is shown. */
    private void show(Node part, boolean shown) {
        if (shown && part.getParent() != this) {
            int at = 0;
            int layer = layers.indexOf(part);
            while (at < getChildren().size() && layers.indexOf(getChildren().get(at)) < layer) {
                at++;
            }
            getChildren().add(at, part);
        }
        if (part.getParent() == this) {
            Shown.when(part, shown);
        }
    }

    /** The task's place in the list, or -1 when the tile is unused. */
    public int taskIndex() {
        return index;
    }

    /** The task shown, or null (unused, or its page not read yet). */
    public TaskRecord task() {
        return item;
    }

    /** Unused in its row: hidden. */
    void clear() {
        index = -1;
        item = null;
        image.setImage(null);
        setVisible(false);
    }

    /** Shows task {@code at} ({@code record} null while its page is read) at {@code x} in its row, {@code w} by {@code h}. */
    void show(int at, TaskRecord record, double x, double w, double h) {
        setVisible(true);
        resizeRelocate(x, 0, w, h);
        boolean same = at == index && record == item && w == tileWidth && h == tileHeight;
        index = at;
        item = record;
        tileWidth = w;
        tileHeight = h;
        if (!same) {
            draw();
        }
        markSelected();
    }

    /** The selection moved: this tile's mark follows. */
    void markSelected() {
        pseudoClassStateChanged(SELECTED, item != null && isSelected.test(item));
    }

    private double outputScale() {
        Window w = getScene() == null ? null : getScene().getWindow();
        return w != null
                ? Math.max(1, w.getOutputScaleX())
                : Math.max(1, Screen.getPrimary().getOutputScaleX());
    }

    private void draw() {
        if (item == null) {
            Shown.state(this, LOOKS, "loading");
            Shown.state(this, Standing.KEYS, null);
            image.setImage(null);
            for (var n : layers) {
                show(n, n == ring);
            }
            tip.setText(null);
            return;
        }
        TaskRecord shown = item;
        Standing standing = shown.standing();
        FileRecord first = shown.files().stream()
                .filter(FileRecord::isArchived)
                .findFirst()
                .orElse(null);
        // Decoded at the screen's scale (twice the tile on a HiDPI screen), large enough to cover the tile.
        int px = (int) Math.ceil(Math.max(tileWidth, tileHeight) * outputScale() / DECODE_STEP) * DECODE_STEP;
        var img = thumbnails.of(first, px);
        Shown.state(this, LOOKS, img.isPresent() ? "picture" : "card");
        Shown.state(this, Standing.KEYS, standing.key());
        image.setImage(img.orElse(null));
        show(image, img.isPresent());
        img.ifPresent(this::cover);
        show(icon, img.isEmpty());
        boolean video = img.isPresent() && first.file().isVideo();
        show(clip, video);
        if (video) {
            Double seconds = first.file().durationSeconds();
            clip.setText(seconds == null ? null : VideoPane.clock(Duration.seconds(seconds)));
        }
        if (img.isEmpty()) {
            icon.setIconCode(
                    standing == Standing.SUCCEEDED
                            ? (shown.task().kind() == TaskKind.VIDEO ? Feather.FILM : Feather.IMAGE)
                            : Icons.forStanding(standing));
            if (thumbnails.posterComing(first)) {
                // Its poster is being made: this tile draws again when one is ready (only this tile, not the whole
                // gallery).
                thumbnails.onNextPoster(() -> {
                    if (item == shown) {
                        draw();
                    }
                });
            }
        }
        badge.setText(words.standing(standing));
        Shown.state(badge, Standing.KEYS, standing.key());
        show(badge, standing != Standing.SUCCEEDED);
        show(progress, standing.moving());
        progress.setProgress(
                !standing.moving()
                        ? 0
                        : standing == Standing.WAITING
                                ? ProgressBar.INDETERMINATE_PROGRESS
                                : shown.task().progress() / 100.0);
        String dayText = dayHeading.apply(index);
        show(day, dayText != null);
        day.setText(dayText);
        // On a narrow tile the day and the state would meet at the top: the state steps down below the day.
        StackPane.setMargin(badge, dayText != null && tileWidth < 200 ? BADGE_BELOW_DAY : BADGE_CORNER);
        String headline = shown.task().promptHeadline();
        caption.setText(headline.isEmpty() ? shown.id().shortId() : headline);
        show(caption, true);
        show(ring, true);
        tip.setText(
                shown.task().prompt() == null || shown.task().prompt().isBlank()
                        ? shown.id().value()
                        : shown.task().prompt());
        setAccessibleText(badge.getText() + ", " + caption.getText());
    }

    /** The picture fills the tile, cropped at its edges by what the row's stretch took (a few per cent). */
    private void cover(Image img) {
        image.setFitWidth(tileWidth);
        image.setFitHeight(tileHeight);
        if (img.getWidth() > 0 && img.getHeight() > 0) {
            image.setViewport(crop(img.getWidth(), img.getHeight(), tileWidth, tileHeight));
            return;
        }
        image.setViewport(null);
        // Decoding in the background: cropped once its size is known.
        img.widthProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                img.widthProperty().removeListener(this);
                if (image.getImage() == img && img.getWidth() > 0 && img.getHeight() > 0) {
                    image.setViewport(crop(img.getWidth(), img.getHeight(), tileWidth, tileHeight));
                }
            }
        });
    }

    /** The centred part of a {@code iw}×{@code ih} picture that has the tile's shape. */
    static Rectangle2D crop(double iw, double ih, double tw, double th) {
        double want = tw / th;
        if (iw / ih > want) {
            double w = ih * want;
            return new Rectangle2D((iw - w) / 2, 0, w, ih);
        }
        double h = iw / want;
        return new Rectangle2D(0, (ih - h) / 2, iw, h);
    }
}
