package dev.aigcdesk.ui.tasklist;

import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.Expiry;
import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.Standing;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.ui.common.Icons;
import dev.aigcdesk.ui.common.Shown;
import dev.aigcdesk.ui.common.Words;
import dev.aigcdesk.ui.preview.Thumbnails;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One row: thumbnail, prompt, model, state badge, progress while running, and the time left before expiry. */
final class TaskCell extends ListCell<TaskRecord> {

    private final Words words;
    private final Thumbnails thumbnails;
    private final Clock clock;
    private final ImageView thumb = new ImageView();
    private final StackPane thumbBox = new StackPane(thumb);
    private final Label prompt = new Label();
    private final Label meta = new Label();
    private final Label badge = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Label expiry = new Label();
    private final HBox row;
    /** Above the first row of a day: the day's heading, as photo libraries group their pictures. */
    private final Label heading = new Label();

    private final VBox headed = new VBox();
    /** A row whose page is still on its way; kept, like the rest, so scrolling fast builds no nodes. */
    private final HBox placeholder = new HBox();
    /** The row's icon when there is no picture. */
    private final FontIcon icon = Icons.of(Feather.IMAGE, 22);

    private final IntFunction<String> dayHeading;

    TaskCell(Words words, Thumbnails thumbnails, Clock clock, IntFunction<String> dayHeading) {
        this.words = words;
        this.thumbnails = thumbnails;
        this.clock = clock;
        this.dayHeading = dayHeading;
        heading.getStyleClass().add("day-heading");
        heading.setMaxWidth(Double.MAX_VALUE);
        thumb.setFitWidth(56);
        thumb.setFitHeight(56);
        thumb.setPreserveRatio(true);
        thumbBox.getStyleClass().add("thumb-box");
        prompt.getStyleClass().add("prompt");
        meta.getStyleClass().add("meta");
        expiry.getStyleClass().add("expiry");
        badge.getStyleClass().add("badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        expiry.setMinWidth(Region.USE_PREF_SIZE);
        prompt.setMinWidth(0);
        prompt.setMaxWidth(Double.MAX_VALUE);
        HBox top = new HBox(8, prompt, spacer(), badge);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox bottom = new HBox(8, meta, spacer(), progress, expiry);
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox text = new VBox(4, top, bottom);
        HBox.setHgrow(text, Priority.ALWAYS);
        row = new HBox(12, thumbBox, text);
        row.getStyleClass().add("task-row");
        headed.getStyleClass().add("headed-row");
        // One structure for every row: the heading is shown or not, nothing is re-parented (that would restyle the
        // row).
        headed.getChildren().setAll(heading, row, placeholder);
        placeholder.getStyleClass().add("placeholder-row");
        placeholder.getChildren().add(new Label(words.i18n().get("list.loading")));
        thumbBox.getChildren().setAll(thumb, icon);
        setPrefWidth(0);
        setGraphic(headed);
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    @Override
    protected void updateItem(TaskRecord item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        // One graphic for every row, empty or not, and always managed: a cell whose skin is made while its graphic is
        // unmanaged leaves the graphic out of its children for good (LabeledSkinBase ignores an unmanaged graphic), and
        // every row later drawn in that cell is blank. An empty cell hides the graphic's parts instead; nothing is
        // re-parented either, which would restyle the whole row (the list's size estimate does it to its measuring
        // cell).
        Shown.when(placeholder, !empty && item == null);
        Shown.when(row, !empty && item != null);
        if (empty || item == null) {
            Shown.when(heading, false);
            setAccessibleText(null);
            return;
        }
        GenerationTask t = item.task();
        String headline = t.promptHeadline();
        Standing standing = item.standing();
        // No prompt to show: the id itself once the service has answered (or said it does not know it), so a wrong one
        // can be spotted.
        boolean asked = item.wasAnswered() || standing == Standing.NOT_FOUND;
        prompt.setText(
                headline.isEmpty() ? (asked ? t.id().value() : words.i18n().get("list.notFetched")) : headline);
        String model = t.modelLabel();
        meta.setText((model.isEmpty() ? "" : model + " · ") + words.kind(t.kind()) + " · " + t.id().shortId());
        badge.setText(words.standing(standing));
        Shown.state(badge, Standing.KEYS, standing.key());
        boolean running = standing.moving();
        progress.setVisible(running);
        progress.setManaged(running);
        progress.setProgress(
                t.state() == TaskState.WAITING ? ProgressBar.INDETERMINATE_PROGRESS : t.progress() / 100.0);
        showExpiry(item);
        showThumb(item);
        String day = dayHeading.apply(getIndex());
        heading.setText(day);
        Shown.when(heading, day != null);
        setAccessibleText(badge.getText() + ", " + prompt.getText() + ", " + meta.getText());
    }

    private static final List<String> EXPIRY_TONES = Stream.concat(
                    Arrays.stream(Expiry.Urgency.values()).map(u -> u.name().toLowerCase(Locale.ROOT)),
                    Stream.of("expired", "archived"))
            .toList();

    private void showExpiry(TaskRecord item) {
        Optional<FileRecord> pending = item.files().stream()
                .filter(f -> f.state() == ArchiveState.PENDING)
                .findFirst();
        String tone = null;
        if (pending.isPresent() && pending.get().file().expiry().isPresent()) {
            Expiry e = Expiry.of(pending.get().file().expiry().get(), clock);
            expiry.setText(words.expiry(e));
            tone = e.urgency().name().toLowerCase(Locale.ROOT);
        } else if (item.files().stream().anyMatch(f -> f.state() == ArchiveState.EXPIRED)) {
            expiry.setText(words.i18n().get("expiry.lost"));
            tone = "expired";
        } else if (item.allArchived()) {
            expiry.setText(words.i18n().get("expiry.archived"));
            tone = "archived";
        } else {
            expiry.setText("");
        }
        Shown.state(expiry, EXPIRY_TONES, tone);
        expiry.setManaged(!expiry.getText().isEmpty());
    }

    private void showThumb(TaskRecord item) {
        Optional<FileRecord> first = item.files().stream().findFirst();
        Optional<Image> img = first.filter(FileRecord::isArchived).flatMap(f -> thumbnails.of(f, 112));
        thumb.setImage(img.orElse(null));
        Shown.when(thumb, img.isPresent());
        Shown.when(icon, img.isEmpty());
        if (img.isEmpty()) {
            Standing standing = item.standing();
            icon.setIconCode(
                    item.task().kind() == TaskKind.VIDEO && standing == Standing.SUCCEEDED
                            ? Feather.FILM
                            : standing == Standing.SUCCEEDED ? Feather.IMAGE : Icons.forStanding(standing));
            if (first.filter(thumbnails::posterComing).isPresent()) {
                // Its poster is being made: this row shows it when it is ready.
                thumbnails.onNextPoster(() -> {
                    if (getItem() == item) {
                        showThumb(item);
                    }
                });
            }
        }
    }
}
