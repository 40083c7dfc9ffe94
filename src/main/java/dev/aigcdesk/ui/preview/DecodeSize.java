package dev.aigcdesk.ui.preview;

import java.util.Optional;

/**
 * How many pixels the viewer decodes a picture at. A picture is decoded whole unless its pixels
 * would not fit: without a GPU, JavaFX keeps the decoded pixels and a texture copy in the heap (8
 * bytes a pixel), so a 100-megapixel picture in a 1 GB heap decodes but cannot be drawn. Above the
 * budget it is decoded as a copy of the same shape with the budget's pixels.
 *
 * @param width  the pixels decoded across
 * @param height the pixels decoded down
 */
public record DecodeSize(int width, int height) {

    /** Bytes the heap holds per pixel shown (decoded ARGB plus the software renderer's texture), twice over for headroom. */
    private static final long BYTES_PER_PIXEL = 16;

    /** The pixels one of {@code panes} pictures shown side by side may take in a heap of {@code maxHeap} bytes. */
    public static long budget(long maxHeap, int panes) {
        return Math.max(1, maxHeap / BYTES_PER_PIXEL / Math.max(1, panes));
    }

    /** The smaller size to decode a {@code width} × {@code height} picture at, or empty to decode it whole (or if its size is not known). */
    public static Optional<DecodeSize> reduced(Long width, Long height, long maxPixels) {
        if (width == null || height == null || width <= 0 || height <= 0 || width * height <= maxPixels) {
            return Optional.empty();
        }
        double scale = Math.sqrt(maxPixels / ((double) width * height));
        return Optional.of(new DecodeSize(
                (int) Math.max(1, Math.floor(width * scale)), (int) Math.max(1, Math.floor(height * scale))));
    }
}
