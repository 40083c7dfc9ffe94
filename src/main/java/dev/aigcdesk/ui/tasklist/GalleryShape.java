package dev.aigcdesk.ui.tasklist;

/**
 * What the gallery lays the listed tasks out by: each one's picture shape (width over height, 0 when
 * unknown) and where each day begins (task indices; empty when sorted by stars).
 */
public record GalleryShape(float[] ratios, int[] dayStarts) {

    public static final GalleryShape NONE = new GalleryShape(new float[0], new int[0]);
}
