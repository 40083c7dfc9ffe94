package dev.aigcdesk.domain;

import java.util.Arrays;

/**
 * How a picture looks, in a few dozen bytes: a 64-bit perceptual hash of its shapes (the same picture
 * re-encoded or resized keeps nearly all its bits), a small grid of its colours (where each colour is),
 * and its dominant palette.
 *
 * @param layout 16 cells (4 × 4, row by row), each L, a, b in one byte: L 0..100 as 0..255, a and b + 128
 */
public record Look(long hash, byte[] layout, Palette palette) {

    public static final int CELLS = 16;

    public Look {
        layout = layout == null ? new byte[0] : layout.clone();
        palette = palette == null ? Palette.NONE : palette;
    }

    @Override
    public byte[] layout() {
        return layout.clone();
    }

    /** Whether a layout was taken (a picture that could not be read has none). */
    public boolean seen() {
        return layout.length == CELLS * 3;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Look l && l.hash == hash && Arrays.equals(l.layout, layout) && l.palette.equals(palette);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hash) * 31 + Arrays.hashCode(layout);
    }

    @Override
    public String toString() {
        return "Look[" + Long.toHexString(hash) + ", " + palette.encode() + "]";
    }
}
