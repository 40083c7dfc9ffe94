package dev.aigcdesk.ui.tasklist;

import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.ui.common.Words;
import dev.aigcdesk.ui.preview.Thumbnails;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.MultipleSelectionModel;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;

/**
 * The gallery: justified rows of pictures as tall as the slider says, each as wide as its shape,
 * filling the width; each day starts a row. The selection is the list's (one selection for both
 * views); arrow keys move it (Up and Down to the nearest tile of the next row), Enter and
 * double-click open the viewer.
 */
final class TaskGrid {

    private static final double GAP = 8;

    private final ListView<GalleryRows.Row> grid;
    private final DoubleProperty tileSize = new SimpleDoubleProperty(180);
    private final LazyTaskList items;
    private final GalleryRows rows;
    /** The row cells alive (a screenful and a few; the flow drops its cells when rebuilt): the selection's marks are updated on them. */
    private final Set<GalleryRowCell> cells = Collections.newSetFromMap(new WeakHashMap<>());

    TaskGrid(
            LazyTaskList items,
            Words words,
            Thumbnails thumbnails,
            IntFunction<String> dayHeading,
            Supplier<TaskRecord> current,
            Predicate<TaskRecord> isSelected,
            IntConsumer select,
            IntConsumer toggle,
            IntConsumer range,
            Consumer<TaskRecord> open) {
        this.items = items;
        this.rows = new GalleryRows(items, GAP);
        grid = new ListView<>(FXCollections.emptyObservableList());
        grid.setId("task-grid");
        grid.getStyleClass().add("task-grid");
        // The selection is the task list's; the rows themselves are never selected.
        grid.setSelectionModel(new NoSelection<>());
        grid.setFocusTraversable(true);
        grid.fixedCellSizeProperty().bind(tileSize.add(GAP));
        grid.setCellFactory(v -> {
            GalleryRowCell cell = new GalleryRowCell(
                    () -> {
                        TaskTile tile = new TaskTile(words, thumbnails, isSelected, dayHeading);
                        tile.setOnMouseClicked(e -> {
                            if (tile.task() == null || e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
                                return;
                            }
                            grid.requestFocus();
                            int index = tile.taskIndex();
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
                                open.accept(tile.task());
                            }
                        });
                        return tile;
                    },
                    items::get);
            cells.add(cell);
            return cell;
        });
        grid.widthProperty().addListener((o, a, b) -> resize());
        grid.insetsProperty().addListener((o, a, b) -> resize());
        tileSize.addListener((o, a, b) -> resize());
        grid.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            TaskRecord now = current.get();
            int at = now == null ? -1 : items.indexOf(now.id());
            int to = switch (e.getCode()) {
                case RIGHT -> at + 1;
                case LEFT -> at - 1;
                case DOWN -> rowsAway(at, 1);
                case UP -> rowsAway(at, -1);
                case PAGE_DOWN -> rowsAway(at, screenRows());
                case PAGE_UP -> rowsAway(at, -screenRows());
                case HOME -> 0;
                case END -> items.size() - 1;
                default -> Integer.MIN_VALUE;
            };
            if (to != Integer.MIN_VALUE) {
                if (items.size() > 0) {
                    select.accept(at < 0 ? 0 : Math.max(0, Math.min(items.size() - 1, to)));
                }
                e.consume();
            }
        });
    }

    /**
     * The gallery shows or not: while the list shows, the gallery holds no rows, so it draws no tiles
     * and decodes no thumbnails nobody sees.
     */
    void setActive(boolean active) {
        ObservableList<GalleryRows.Row> wanted = active ? rows : FXCollections.emptyObservableList();
        if (grid.getItems() != wanted) {
            grid.setItems(wanted);
        }
    }

    ListView<GalleryRows.Row> node() {
        return grid;
    }

    DoubleProperty tileSizeProperty() {
        return tileSize;
    }

    private void resize() {
        // The rows fill the width inside the padding, beside the scroll bar.
        double w = grid.getWidth() - grid.snappedLeftInset() - grid.snappedRightInset() - scrollBarWidth();
        if (w > 0) {
            rows.setSize(Math.floor(w), tileSize.get());
        }
    }

    private double scrollBarWidth() {
        for (Node n : grid.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                return Math.max(bar.getWidth(), bar.prefWidth(-1));
            }
        }
        return 12;
    }

    private int screenRows() {
        return Math.max(1, (int) (grid.getHeight() / (tileSize.get() + GAP)));
    }

    /** The task {@code n} rows down (up when negative) whose tile is nearest this one's centre. */
    private int rowsAway(int task, int n) {
        JustifiedRows layout = rows.layout();
        if (task < 0 || layout.rows() == 0) {
            return 0;
        }
        int row = layout.rowOf(task) + n;
        if (row < 0) {
            return 0;
        }
        if (row >= layout.rows()) {
            return items.size() - 1;
        }
        return layout.nearest(row, layout.centre(task));
    }

    /** The shapes and days of the tasks listed now. */
    void setShapes(float[] ratios, int[] dayStarts) {
        resize();
        rows.setShapes(ratios, dayStarts);
    }

    /** Redraws the selection's marks. */
    void refresh() {
        cells.forEach(GalleryRowCell::markSelected);
    }

    /** The task to bring into view after the next layout, or -1. */
    private int revealing = -1;

    /**
     * Brings a tile's row into view, scrolling no further than needed, once the rows are laid out
     * (after a new layout the flow learns its row count only on its next pass).
     */
    void reveal(int index) {
        if (index < 0) {
            return;
        }
        boolean waiting = revealing >= 0;
        revealing = index;
        if (waiting || grid.getScene() == null) {
            return;
        }
        Scene scene = grid.getScene();
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                int task = revealing;
                revealing = -1;
                if (task >= rows.layout().tasks() || !(grid.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
                    return;
                }
                flow.scrollTo(rows.layout().rowOf(task));
            }
        });
        Platform.requestNextPulse();
    }

    /** The tiles on screen now. */
    List<TaskTile> shownTiles() {
        List<TaskTile> out = new ArrayList<>();
        if (grid.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getFirstVisibleCell() != null) {
            for (int i = flow.getFirstVisibleCell().getIndex();
                    i <= flow.getLastVisibleCell().getIndex();
                    i++) {
                if (flow.getVisibleCell(i) instanceof GalleryRowCell cell) {
                    out.addAll(cell.shownTiles());
                }
            }
        }
        return out;
    }

    /** The first task of the top row on screen, or -1. */
    int topTask() {
        if (grid.lookup(".virtual-flow") instanceof VirtualFlow<?> flow
                && flow.getFirstVisibleCell() instanceof GalleryRowCell cell
                && cell.getItem() != null
                && cell.getItem().row() < rows.layout().rows()) {
            return rows.layout().start(cell.getItem().row());
        }
        return -1;
    }

    /** No selection of rows: the tasks' selection lives in the list. */
    private static final class NoSelection<T> extends MultipleSelectionModel<T> {
        @Override
        public ObservableList<Integer> getSelectedIndices() {
            return FXCollections.emptyObservableList();
        }

        @Override
        public ObservableList<T> getSelectedItems() {
            return FXCollections.emptyObservableList();
        }

        @Override
        public void selectIndices(int index, int... indices) {}

        @Override
        public void selectAll() {}

        @Override
        public void selectFirst() {}

        @Override
        public void selectLast() {}

        @Override
        public void clearAndSelect(int index) {}

        @Override
        public void select(int index) {}

        @Override
        public void select(T obj) {}

        @Override
        public void clearSelection(int index) {}

        @Override
        public void clearSelection() {}

        @Override
        public boolean isSelected(int index) {
            return false;
        }

        @Override
        public boolean isEmpty() {
            return true;
        }

        @Override
        public void selectPrevious() {}

        @Override
        public void selectNext() {}
    }
}
