package dev.aigcdesk.ui.tasklist;

import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.ui.common.Words;
import dev.aigcdesk.ui.preview.Thumbnails;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import org.controlsfx.control.GridView;

/**
 * The gallery: tiles as large as the slider says, filling the width. The selection is the list's
 * (one selection for both views); arrow keys move it, Enter and double-click open the viewer.
 */
final class TaskGrid {

    private static final double GAP = 8;

    private final GridView<TaskRecord> grid;
    private final DoubleProperty tileSize = new SimpleDoubleProperty(180);
    private final LazyTaskList items;
    /** The tasks in their places: each day starts a row. */
    private final GallerySlots slots;

    TaskGrid(LazyTaskList items, Words words, Thumbnails thumbnails, java.util.function.IntFunction<String> dayHeading,
             java.util.function.Supplier<TaskRecord> current,
             java.util.function.Predicate<TaskRecord> isSelected, IntConsumer select, IntConsumer toggle, IntConsumer range, Consumer<TaskRecord> open) {
        this.items = items;
        this.slots = new GallerySlots(items);
        grid = new GridView<>(slots);
        grid.setId("task-grid");
        grid.getStyleClass().add("task-grid");
        grid.cellWidthProperty().bind(tileSize.add(GAP));
        grid.cellHeightProperty().bind(tileSize.add(32));
        grid.setHorizontalCellSpacing(GAP);
        grid.setVerticalCellSpacing(GAP);
        grid.setFocusTraversable(true);
        grid.setCellFactory(v -> {
            TaskTile tile = new TaskTile(words, thumbnails, tileSize, isSelected, slot -> {
                int task = slots.taskAt(slot);
                return task < 0 ? null : dayHeading.apply(task);
            });
            tile.setOnMouseClicked(e -> {
                if (tile.getItem() == null || e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
                    return;
                }
                grid.requestFocus();
                int index = items.indexOf(tile.getItem().id());
                if (e.isShortcutDown()) {
                    toggle.accept(index);
                    return;
                }
                if (e.isShiftDown()) {
                    range.accept(index);
                    return;
                }
                select.accept(index);
                if (e.getClickCount() == 2) {
                    open.accept(tile.getItem());
                }
            });
            return tile;
        });
        tileSize.addListener((o, a, b) -> refresh());
        // The rows break where days begin, so the places follow the number of tiles a row holds.
        grid.widthProperty().addListener((o, a, b) -> slots.setColumns(columns()));
        tileSize.addListener((o, a, b) -> slots.setColumns(columns()));
        grid.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            TaskRecord now = current.get();
            int at = now == null ? -1 : items.indexOf(now.id());
            int to = switch (e.getCode()) {
                case RIGHT -> at + 1;
                case LEFT -> at - 1;
                case DOWN -> below(at, columns());
                case UP -> below(at, -columns());
                default -> Integer.MIN_VALUE;
            };
            if (to != Integer.MIN_VALUE) {
                select.accept(at < 0 ? 0 : Math.max(0, Math.min(items.size() - 1, to)));
                e.consume();
            }
        });
    }

    GridView<TaskRecord> node() {
        return grid;
    }

    DoubleProperty tileSizeProperty() {
        return tileSize;
    }

    /** Tiles per row at the grid's width now (as the grid's skin lays them out, when it has one). */
    int columns() {
        if (grid.getSkin() instanceof impl.org.controlsfx.skin.GridViewSkin<?> skin) {
            return Math.max(1, skin.computeMaxCellsInRow());
        }
        double usable = grid.getWidth() - 2 * GAP;
        return Math.max(1, (int) Math.floor((usable + GAP) / (tileSize.get() + 2 * GAP)));
    }

    /** The task a row up or down ({@code rows} places away): the one in the same column, or the row's last where that place is empty. */
    private int below(int task, int places) {
        if (task < 0) {
            return 0;
        }
        int slot = slots.slotOf(task) + places;
        if (slot < 0) {
            return 0;
        }
        if (slot >= slots.size()) {
            return items.size() - 1;
        }
        for (int s = slot; s >= 0; s--) {
            int t = slots.taskAt(s);
            if (t >= 0) {
                return t;
            }
        }
        return 0;
    }

    /** Where the days begin (task indices); empty for none. */
    void setDays(int[] starts) {
        slots.setColumns(columns());
        slots.setDays(starts);
    }

    /** Repaints the tiles (the selection moved, or their size). */
    void refresh() {
        // GridView has no refresh(); re-setting the cell factory rebuilds the visible cells.
        var factory = grid.getCellFactory();
        grid.setCellFactory(null);
        grid.setCellFactory(factory);
    }

    /** Brings a tile into view (GridView cannot scroll to an index, but its skin's flow can). */
    void reveal(int index) {
        if (grid.getSkin() instanceof impl.org.controlsfx.skin.GridViewSkin<?> skin) {
            int row = slots.slotOf(index) / Math.max(1, columns());
            skin.getChildren().stream().filter(n -> n instanceof javafx.scene.control.skin.VirtualFlow<?>).findFirst()
                    .ifPresent(f -> ((javafx.scene.control.skin.VirtualFlow<?>) f).scrollTo(row));
        }
    }

    LazyTaskList items() {
        return items;
    }
}
