package dev.aigcdesk.ui.tasklist;

import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.ui.common.Icons;
import dev.aigcdesk.ui.common.Words;
import dev.aigcdesk.ui.preview.Thumbnails;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.kordamp.ikonli.feather.Feather;

/** A large thumbnail with its state, for browsing in the grid. */
final class TaskTile extends GridCell<TaskRecord> {

    static final double SIZE = 168;

    private final Words words;
    private final Thumbnails thumbnails;
    private final ImageView image = new ImageView();
    private final StackPane frame = new StackPane();
    private final Label caption = new Label();
    private final VBox box = new VBox(4, frame, caption);

    TaskTile(Words words, Thumbnails thumbnails) {
        this.words = words;
        this.thumbnails = thumbnails;
        image.setFitWidth(SIZE);
        image.setFitHeight(SIZE);
        image.setPreserveRatio(true);
        frame.setMinSize(SIZE, SIZE);
        frame.setMaxSize(SIZE, SIZE);
        caption.getStyleClass().add("caption");
        caption.setMaxWidth(SIZE);
        box.getStyleClass().add("task-tile");
        box.setAlignment(Pos.TOP_CENTER);
    }

    @Override
    protected void updateItem(TaskRecord item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        FileRecord first = item.files().stream().filter(FileRecord::isArchived).findFirst().orElse(null);
        var img = thumbnails.of(first, SIZE * 2);
        if (img.isPresent()) {
            image.setImage(img.get());
            frame.getChildren().setAll(image);
        } else {
            frame.getChildren().setAll(Icons.of(item.task().kind() == TaskKind.VIDEO ? Feather.FILM : Feather.IMAGE, 32));
        }
        caption.setText(words.state(item.task().state()) + " · " + item.task().promptHeadline());
        setGraphic(box);
        setAccessibleText(caption.getText());
    }
}
