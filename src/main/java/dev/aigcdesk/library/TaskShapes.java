package dev.aigcdesk.library;

import java.time.Instant;
import java.util.List;

/**
 * What the gallery lays its rows out by, for every task a query lists, in its order: the date it
 * sorts by and the shape of its picture.
 *
 * @param times  the sort date in epoch milliseconds, {@link #UNDATED} where the service has not dated it
 * @param ratios the picture's width over its height: from the first output's pixels when known, else the
 *               aspect ratio asked for ("16:9"), else 0 (unknown)
 */
public record TaskShapes(long[] times, float[] ratios) {

    public static final long UNDATED = Long.MIN_VALUE;

    public TaskShapes {
        if (times.length != ratios.length) {
            throw new IllegalArgumentException("one time and one ratio per task");
        }
    }

    public int size() {
        return times.length;
    }

    /**
     * What {@link Library#shapes} reads for one task, from a record at hand: its first output with known
     * pixels, else the aspect ratio asked for, else 0. The gallery lays out a first page with it at once.
     */
    public static TaskShapes of(List<TaskRecord> records, LibraryFilter.Sort sort) {
        long[] times = new long[records.size()];
        float[] ratios = new float[records.size()];
        for (int i = 0; i < records.size(); i++) {
            TaskRecord r = records.get(i);
            Instant when = sort.dateOf(r);
            times[i] = when == null ? UNDATED : when.toEpochMilli();
            ratios[i] = ratioOf(r);
        }
        return new TaskShapes(times, ratios);
    }

    private static float ratioOf(TaskRecord r) {
        for (FileRecord f : r.files()) {
            Long w = f.file().width();
            Long h = f.file().height();
            if (w != null && h != null && w > 0 && h > 0) {
                return (float) (w / (double) h);
            }
        }
        return ratioOf(r.task().outputConfig().aspectRatio());
    }

    /** Width over height of an aspect ratio as asked for ("16:9", "9:21"); 0 for "auto", blank or anything else. */
    public static float ratioOf(String aspect) {
        if (aspect == null) {
            return 0;
        }
        int colon = aspect.indexOf(':');
        if (colon <= 0) {
            return 0;
        }
        try {
            float w = Float.parseFloat(aspect.substring(0, colon).trim());
            float h = Float.parseFloat(aspect.substring(colon + 1).trim());
            return w > 0 && h > 0 && Float.isFinite(w / h) ? w / h : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
