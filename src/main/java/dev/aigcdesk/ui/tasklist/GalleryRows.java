package dev.aigcdesk.ui.tasklist;

import dev.aigcdesk.library.TaskRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableListBase;

/**
 * The gallery's rows over the lazy task list: laid out again when the list, its shapes and days, the
 * width or the tile size change; a task that changes in place (a page arriving, progress) redraws
 * only its row.
 */
final class GalleryRows extends ObservableListBase<GalleryRows.Row> {

    /** A row of one layout: rows of an older layout are never equal to it, so their cells draw again. */
    record Row(JustifiedRows layout, int row) {}

    private final LazyTaskList items;
    private final double gap;
    private float[] ratios = new float[0];
    private int[] dayStarts = new int[0];
    private double width;
    private double height;
    private JustifiedRows layout;
    /** The list's reset the shapes were read for. */
    private int generation;

    GalleryRows(LazyTaskList items, double gap) {
        this.items = items;
        this.gap = gap;
        generation = items.generation();
        layout = JustifiedRows.of(items.size(), ratios, dayStarts, 1, 1, gap);
        items.addListener((ListChangeListener<TaskRecord>) this::itemsChanged);
    }

    /** The shapes and days of the tasks listed now (read with the list). */
    void setShapes(float[] shapes, int[] starts) {
        ratios = shapes;
        dayStarts = starts;
        relayout();
    }

    /** The width the rows fill and their height; laid out again only when either changed. */
    void setSize(double w, double h) {
        if (w != width || h != height) {
            width = w;
            height = h;
            relayout();
        }
    }

    JustifiedRows layout() {
        return layout;
    }

    @Override
    public Row get(int row) {
        return new Row(layout, row);
    }

    @Override
    public int size() {
        return layout.rows();
    }

    private void relayout() {
        int before = layout.rows();
        // Shapes and days may cover only the first page so far (the rest are laid out square until all are read).
        boolean fits = ratios.length <= items.size()
                && (dayStarts.length == 0 || dayStarts[dayStarts.length - 1] < items.size());
        layout = JustifiedRows.of(
                items.size(),
                fits ? ratios : new float[0],
                fits ? dayStarts : new int[0],
                Math.max(1, width),
                Math.max(1, height),
                gap);
        beginChange();
        if (before > 0) {
            nextRemove(0, new ArrayList<>(Collections.nCopies(before, (Row) null)));
        }
        if (layout.rows() > 0) {
            nextAdd(0, layout.rows());
        }
        endChange();
    }

    private void itemsChanged(ListChangeListener.Change<? extends TaskRecord> c) {
        if (items.generation() != generation) {
            // A new query: its shapes and days are read again; until then, square tiles in plain order.
            generation = items.generation();
            ratios = new float[0];
            dayStarts = new int[0];
            relayout();
            return;
        }
        List<Integer> rows = new ArrayList<>();
        while (c.next()) {
            if (c.getFrom() >= layout.tasks()) {
                continue;
            }
            int first = layout.rowOf(c.getFrom());
            int last = layout.rowOf(Math.max(c.getFrom(), Math.min(c.getTo(), layout.tasks()) - 1));
            for (int r = first; r <= last; r++) {
                rows.add(r);
            }
        }
        if (!rows.isEmpty()) {
            beginChange();
            for (int r : rows) {
                nextUpdate(r);
            }
            endChange();
        }
    }
}
