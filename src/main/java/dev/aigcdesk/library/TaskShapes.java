package dev.aigcdesk.library;

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
