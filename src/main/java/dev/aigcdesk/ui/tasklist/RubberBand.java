package dev.aigcdesk.ui.tasklist;

import dev.aigcdesk.library.TaskRecord;
import javafx.geometry.BoundingBox;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

/** The gallery's rubber band: a drag across the tiles selects the ones it touches. */
final class RubberBand {

    private RubberBand() {}

    /** Dragging across the gallery draws a band; the tiles it touches become the selection (with Ctrl or Shift, they join it). */
    static void install(StackPane host, ListView<GalleryRows.Row> grid, ListView<TaskRecord> list, TaskGrid taskGrid) {
        Rectangle band = new Rectangle();
        band.getStyleClass().add("rubber-band");
        band.setManaged(false);
        band.setVisible(false);
        band.setMouseTransparent(true);
        host.getChildren().add(band);
        double[] start = new double[2];
        boolean[] active = new boolean[1];
        grid.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            start[0] = e.getSceneX();
            start[1] = e.getSceneY();
            active[0] = false;
        });
        grid.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!active[0] && Math.hypot(e.getSceneX() - start[0], e.getSceneY() - start[1]) < 8) {
                return;
            }
            active[0] = true;
            Point2D a = host.sceneToLocal(Math.min(start[0], e.getSceneX()), Math.min(start[1], e.getSceneY()));
            band.setX(a.getX());
            band.setY(a.getY());
            band.setWidth(Math.abs(e.getSceneX() - start[0]));
            band.setHeight(Math.abs(e.getSceneY() - start[1]));
            band.setVisible(true);
            e.consume();
        });
        grid.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (!active[0]) {
                return;
            }
            active[0] = false;
            band.setVisible(false);
            BoundingBox area = new BoundingBox(
                    Math.min(start[0], e.getSceneX()),
                    Math.min(start[1], e.getSceneY()),
                    Math.abs(e.getSceneX() - start[0]),
                    Math.abs(e.getSceneY() - start[1]));
            if (!e.isShortcutDown() && !e.isShiftDown()) {
                list.getSelectionModel().clearSelection();
            }
            for (TaskTile tile : taskGrid.shownTiles()) {
                if (tile.task() != null
                        && shownIn(tile, grid)
                        && tile.localToScene(tile.getBoundsInLocal()).intersects(area)) {
                    list.getSelectionModel().select(tile.taskIndex());
                }
            }
            taskGrid.refresh();
            e.consume();
        });
    }

    /** Shown on screen: the node and every parent up to {@code top} visible (the flow keeps spare rows hidden). */
    private static boolean shownIn(Node node, Node top) {
        for (Node n = node; n != null && n != top; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
