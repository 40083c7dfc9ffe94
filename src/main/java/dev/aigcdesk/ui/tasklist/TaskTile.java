package dev.aigcdesk.ui.tasklist;

import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.ui.common.Icons;
import dev.aigcdesk.ui.common.Shown;
import dev.aigcdesk.ui.common.Standing;
import dev.aigcdesk.ui.common.Words;
import dev.aigcdesk.ui.preview.Thumbnails;
import java.util.function.Predicate;
import javafx.beans.property.DoubleProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.kordamp.ikonli.feather.Feather;

/**
 * A tile of the gallery: the picture when there is one; otherwise a card that says in colour what
 * the task is doing (running with its progress, failed, lost). Hovering shows the prompt.
 */
final class TaskTile extends GridCell<TaskRecord> {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected-tile");

    private final Words words;
    private final Thumbnails thumbnails;
    private final DoubleProperty size;
    private final Predicate<TaskRecord> isSelected;
    private final ImageView image = new ImageView();
    private final StackPane frame = new StackPane();
    private final Label badge = new Label();
    private final Label caption = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final VBox box = new VBox(4, frame, caption);
    private final Tooltip tip = new Tooltip();
    /** On a video's poster: a play mark and its length, so it reads as a clip at a glance. */
    private final Label clip = new Label(null, Icons.of(Feather.PLAY, 12));

    /** On the first tile of a day: the day, so where each day begins shows at a glance. */
    private final Label day = new Label();
    private final java.util.function.IntFunction<String> dayHeading;
    /** A card's icon when there is no picture (running, failed, lost, not saved yet). */
    private final org.kordamp.ikonli.javafx.FontIcon icon = Icons.of(Feather.IMAGE, 32);

    TaskTile(Words words, Thumbnails thumbnails, DoubleProperty size, Predicate<TaskRecord> isSelected,
             java.util.function.IntFunction<String> dayHeading) {
        this.dayHeading = dayHeading;
        this.words = words;
        this.thumbnails = thumbnails;
        this.size = size;
        this.isSelected = isSelected;
        image.setPreserveRatio(true);
        image.fitWidthProperty().bind(size);
        image.fitHeightProperty().bind(size);
        frame.minWidthProperty().bind(size);
        frame.minHeightProperty().bind(size);
        frame.maxWidthProperty().bind(size);
        frame.maxHeightProperty().bind(size);
        frame.getStyleClass().add("tile-frame");
        caption.getStyleClass().add("caption");
        caption.maxWidthProperty().bind(size);
        badge.getStyleClass().add("badge");
        StackPane.setAlignment(badge, Pos.TOP_RIGHT);
        progress.setMaxWidth(Double.MAX_VALUE);
        StackPane.setAlignment(progress, Pos.BOTTOM_CENTER);
        day.getStyleClass().add("tile-day");
        StackPane.setAlignment(day, Pos.TOP_LEFT);
        StackPane.setMargin(day, new javafx.geometry.Insets(8));
        clip.getStyleClass().add("clip-badge");
        StackPane.setAlignment(clip, Pos.BOTTOM_LEFT);
        StackPane.setMargin(clip, new javafx.geometry.Insets(8));
        box.getStyleClass().add("task-tile");
        box.setAlignment(Pos.TOP_CENTER);
        // Every part is always there and only shown or hidden: a recycled tile is not restyled as it scrolls.
        frame.getChildren().setAll(image, icon, clip, badge, progress, day);
        setGraphic(box);
        tip.setWrapText(true);
        tip.setMaxWidth(360);
    }

    private double outputScale() {
        javafx.stage.Window w = getScene() == null ? null : getScene().getWindow();
        return w != null ? Math.max(1, w.getOutputScaleX()) : Math.max(1, javafx.stage.Screen.getPrimary().getOutputScaleX());
    }

    @Override
    protected void updateItem(TaskRecord item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            box.setVisible(false);
            setTooltip(null);
            return;
        }
        box.setVisible(true);
        Standing standing = Standing.of(item);
        FileRecord first = item.files().stream().filter(FileRecord::isArchived).findFirst().orElse(null);
        // Decoded at the screen's own scale: twice the tile on a HiDPI screen, the tile itself on an ordinary one.
        var img = thumbnails.of(first, size.get() * outputScale());
        Shown.styled(frame, "tile-frame", "standing-" + standing.styleClass());
        image.setImage(img.orElse(null));
        Shown.when(image, img.isPresent());
        Shown.when(icon, img.isEmpty());
        boolean video = img.isPresent() && first.file().isVideo();
        Shown.when(clip, video);
        if (video) {
            Double seconds = first.file().durationSeconds();
            clip.setText(seconds == null ? null : dev.aigcdesk.ui.preview.VideoPane.clock(javafx.util.Duration.seconds(seconds)));
        }
        if (img.isEmpty()) {
            icon.setIconCode(standing == Standing.SUCCEEDED
                    ? (item.task().kind() == dev.aigcdesk.domain.TaskKind.VIDEO ? Feather.FILM : Feather.IMAGE) : Icons.forStanding(standing));
            if (thumbnails.posterComing(first)) {
                // Its poster is being made: this tile draws again when one is ready (only this tile, not the whole grid).
                thumbnails.onNextPoster(() -> {
                    if (getItem() == item) {
                        updateItem(item, false);
                    }
                });
            }
        }
        badge.setText(words.standing(standing));
        Shown.styled(badge, "badge", standing.styleClass());
        Shown.when(badge, standing != Standing.SUCCEEDED);
        Shown.when(progress, standing.moving());
        progress.setProgress(!standing.moving() ? 0 : standing == Standing.WAITING ? ProgressBar.INDETERMINATE_PROGRESS : item.task().progress() / 100.0);
        String dayText = dayHeading.apply(getIndex());
        Shown.when(day, dayText != null);
        day.setText(dayText);
        String headline = item.task().promptHeadline();
        caption.setText(headline.isEmpty() ? item.id().shortId() : headline);
        tip.setText(item.task().prompt() == null || item.task().prompt().isBlank() ? item.id().value() : item.task().prompt());
        setTooltip(tip);
        box.pseudoClassStateChanged(SELECTED, isSelected.test(item));
        setAccessibleText(badge.getText() + ", " + caption.getText());
    }
}
