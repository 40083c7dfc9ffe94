package dev.aigcdesk.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;

/**
 * What the task list draws, read from its cells as a person sees them: only cells inside the list's
 * viewport, only text whose node and every parent up to the cell are visible and have a size. The
 * list's items and the ledger are not looked at, so a row that is blank on screen reads as blank here.
 * Call on the JavaFX thread.
 */
public final class ShownRows {

    /** One row as drawn: its prompt, state badge, whether a picture (or else an icon) shows, and its day heading. */
    public record Row(
            int index, String prompt, String badge, boolean picture, boolean icon, String heading, String expiry) {

        /** Drawn with nothing in it: no prompt, no badge. */
        public boolean blank() {
            return prompt.isEmpty() && badge.isEmpty();
        }
    }

    private ShownRows() {}

    /** The rows on screen, top to bottom. */
    public static List<Row> of(ListView<?> list) {
        Bounds view = list.localToScene(list.getLayoutBounds());
        List<Row> out = new ArrayList<>();
        List<IndexedCell<?>> cells = new ArrayList<>();
        for (Node n : list.lookupAll(".list-cell")) {
            if (n instanceof IndexedCell<?> cell
                    && cell.getIndex() >= 0
                    && cell.getIndex() < list.getItems().size()
                    && shown(cell, list)
                    && cell.getHeight() > 0) {
                Bounds b = cell.localToScene(cell.getLayoutBounds());
                if (b.getMaxY() > view.getMinY() + 1 && b.getMinY() < view.getMaxY() - 1) {
                    cells.add(cell);
                }
            }
        }
        cells.sort(Comparator.comparingInt(IndexedCell::getIndex));
        for (IndexedCell<?> cell : cells) {
            out.add(new Row(
                    cell.getIndex(),
                    text(cell, ".prompt"),
                    text(cell, ".badge"),
                    picture(cell),
                    icon(cell),
                    text(cell, ".day-heading"),
                    text(cell, ".expiry")));
        }
        return out;
    }

    private static String text(Node cell, String selector) {
        Node n = cell.lookup(selector);
        if (n instanceof Label l && shown(l, cell) && l.getWidth() > 0 && l.getHeight() > 0 && l.getText() != null) {
            return l.getText();
        }
        return "";
    }

    private static boolean picture(Node cell) {
        for (Node n : cell.lookupAll(".thumb-box > *")) {
            if (n instanceof ImageView v
                    && v.getImage() != null
                    && !v.getImage().isError()
                    && shown(v, cell)) {
                return true;
            }
        }
        return false;
    }

    private static boolean icon(Node cell) {
        for (Node n : cell.lookupAll(".thumb-box > .ikonli-font-icon")) {
            if (shown(n, cell)) {
                return true;
            }
        }
        return false;
    }

    /** The node under {@code top}, and it and every parent up to {@code top} visible: a cell keeps hidden parts. */
    private static boolean shown(Node node, Node top) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible() || n.getOpacity() == 0) {
                return false;
            }
            if (n == top) {
                return true;
            }
        }
        // Not under the cell at all: a part a cell's skin left out of its children is not drawn.
        return false;
    }
}
