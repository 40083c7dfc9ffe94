package dev.aigcdesk.ui.tasklist;

import dev.aigcdesk.library.TaskRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Pane;

/** A row of the gallery: its tiles side by side, as wide as the layout says; tiles are kept and reused. */
final class GalleryRowCell extends ListCell<GalleryRows.Row> {

    private final Pane row = new Pane();
    private final List<TaskTile> tiles = new ArrayList<>();
    private final Supplier<TaskTile> newTile;
    private final IntFunction<TaskRecord> task;

    GalleryRowCell(Supplier<TaskTile> newTile, IntFunction<TaskRecord> task) {
        this.newTile = newTile;
        this.task = task;
        getStyleClass().add("gallery-row");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        row.setMinWidth(0);
        row.setPrefWidth(0);
        setPrefWidth(0);
        setGraphic(row);
    }

    @Override
    protected void updateItem(GalleryRows.Row item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null || item.row() >= item.layout().rows()) {
            tiles.forEach(TaskTile::clear);
            return;
        }
        JustifiedRows layout = item.layout();
        int from = layout.start(item.row());
        double[][] at = layout.tiles(item.row());
        while (tiles.size() < at[0].length) {
            TaskTile t = newTile.get();
            tiles.add(t);
            row.getChildren().add(t);
        }
        for (int k = 0; k < tiles.size(); k++) {
            if (k < at[0].length) {
                tiles.get(k).show(from + k, task.apply(from + k), at[0][k], at[1][k], layout.height());
            } else {
                tiles.get(k).clear();
            }
        }
    }

    /** The tiles showing a task. */
    List<TaskTile> shownTiles() {
        return tiles.stream().filter(t -> t.taskIndex() >= 0).toList();
    }

    /** The selection moved: the tiles' marks follow. */
    void markSelected() {
        tiles.forEach(TaskTile::markSelected);
    }
}
