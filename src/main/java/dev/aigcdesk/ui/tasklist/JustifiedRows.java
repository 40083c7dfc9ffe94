package dev.aigcdesk.ui.tasklist;

import java.util.Arrays;

/**
 * The gallery's justified layout: pictures side by side in rows of one height, each as wide as its
 * shape, every full row stretched a little to end flush with the right edge; each day starts a row,
 * and a day's last row keeps its natural widths. Pure arithmetic over arrays, for 100k tasks.
 *
 * <p>Rows have one height so the view can scroll them as fixed-size cells; a row is stretched by the
 * factor nearest 1 its break allows, and the picture in a stretched tile is cropped by that little.
 */
final class JustifiedRows {

    /** Shapes beyond these are laid out as these (a panorama does not take a row to itself). */
    static final float NARROWEST = 0.5f;

    static final float WIDEST = 2.5f;

    private final float[] ratios;
    private final int[] rowStarts;
    private final float[] stretch;
    private final int tasks;
    private final double width;
    private final double height;
    private final double gap;

    private JustifiedRows(
            float[] ratios, int tasks, int[] rowStarts, float[] stretch, double width, double height, double gap) {
        this.ratios = ratios;
        this.tasks = tasks;
        this.rowStarts = rowStarts;
        this.stretch = stretch;
        this.width = width;
        this.height = height;
        this.gap = gap;
    }

    /**
     * Lays out {@code tasks} tasks.
     *
     * @param ratios    each task's width over height (0 or a missing entry: square)
     * @param dayStarts where each day begins (task indices, ascending), empty for no days
     * @param width     the width the rows fill
     * @param height    the rows' height (the slider's size)
     * @param gap       space between tiles
     */
    static JustifiedRows of(int tasks, float[] ratios, int[] dayStarts, double width, double height, double gap) {
        float[] shape = new float[tasks];
        for (int i = 0; i < tasks; i++) {
            float r = i < ratios.length ? ratios[i] : 0;
            shape[i] = r > 0 ? Math.max(NARROWEST, Math.min(WIDEST, r)) : 1;
        }
        double usable = Math.max(height * NARROWEST, width);
        int[] starts = new int[Math.max(1, tasks)];
        float[] stretch = new float[starts.length];
        int rows = 0;
        int day = 0;
        int i = 0;
        while (i < tasks) {
            while (day < dayStarts.length && dayStarts[day] <= i) {
                day++;
            }
            int dayEnd = day < dayStarts.length ? dayStarts[day] : tasks;
            int from = i;
            double sum = 0; // the row's natural width at the rows' height, gaps included
            int to = from;
            boolean full = false;
            while (to < dayEnd) {
                double next = sum + (to > from ? gap : 0) + shape[to] * height;
                if (next > usable && to > from) {
                    // Full: end here, or take this one too, whichever stretches the row less.
                    double without = stretchOf(shape, from, to, usable, height, gap);
                    double with = stretchOf(shape, from, to + 1, usable, height, gap);
                    if (Math.abs(Math.log(with)) < Math.abs(Math.log(without))) {
                        to++;
                    }
                    full = true;
                    break;
                }
                sum = next;
                to++;
            }
            // A single picture wider than the row is narrowed to fit it.
            full |= sum > usable;
            starts[rows] = from;
            stretch[rows] = full ? (float) stretchOf(shape, from, to, usable, height, gap) : 1f;
            rows++;
            i = to;
        }
        return new JustifiedRows(
                shape, tasks, Arrays.copyOf(starts, rows), Arrays.copyOf(stretch, rows), usable, height, gap);
    }

    /** How much the tiles {@code from..to-1} are widened (or narrowed) to fill the width exactly. */
    private static double stretchOf(float[] shape, int from, int to, double width, double height, double gap) {
        double natural = 0;
        for (int k = from; k < to; k++) {
            natural += shape[k] * height;
        }
        return Math.max(0.05, (width - gap * (to - from - 1)) / natural);
    }

    int rows() {
        return rowStarts.length;
    }

    int tasks() {
        return tasks;
    }

    double height() {
        return height;
    }

    /** The first task of a row. */
    int start(int row) {
        return rowStarts[row];
    }

    /** One past the last task of a row. */
    int end(int row) {
        return row + 1 < rowStarts.length ? rowStarts[row + 1] : tasks;
    }

    /** The row a task is in. */
    int rowOf(int task) {
        int r = Arrays.binarySearch(rowStarts, task);
        return r >= 0 ? r : -r - 2;
    }

    /** Left edges and widths of a row's tiles, whole pixels, the last ending flush at the width when the row is full. */
    double[][] tiles(int row) {
        int from = start(row);
        int to = end(row);
        double[] x = new double[to - from];
        double[] w = new double[to - from];
        double at = 0;
        for (int k = from; k < to; k++) {
            x[k - from] = Math.round(at);
            double right =
                    k == to - 1 && stretch[row] != 1f ? width : Math.round(at + ratios[k] * height * stretch[row]);
            w[k - from] = Math.max(1, right - x[k - from]);
            at = at + ratios[k] * height * stretch[row] + gap;
        }
        return new double[][] {x, w};
    }

    /** How much a row is stretched (1 for a day's last row, which keeps its natural widths). */
    float stretch(int row) {
        return stretch[row];
    }

    /** The tile's centre along the row: where Up and Down aim for. */
    double centre(int task) {
        int row = rowOf(task);
        double[][] t = tiles(row);
        int k = task - start(row);
        return t[0][k] + t[1][k] / 2;
    }

    /** The task in {@code row} whose tile is nearest {@code x}. */
    int nearest(int row, double x) {
        double[][] t = tiles(row);
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int k = 0; k < t[0].length; k++) {
            double d = Math.abs(t[0][k] + t[1][k] / 2 - x);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return start(row) + best;
    }
}
