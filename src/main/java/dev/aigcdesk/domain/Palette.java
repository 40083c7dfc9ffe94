package dev.aigcdesk.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * A picture's dominant colours, most of the picture first, each with the share of the picture it covers
 * (the shares add up to about 1).
 */
public record Palette(List<Swatch> swatches) {

    /** No colours known (not looked at yet, or the picture could not be read). */
    public static final Palette NONE = new Palette(List.of());

    /** One colour: 0xRRGGBB, and the share of the picture in it. */
    public record Swatch(int rgb, double share) {
        public Swatch {
            rgb &= 0xFFFFFF;
        }

        /** "#1E90FF". */
        public String hex() {
            return String.format(Locale.ROOT, "#%06X", rgb);
        }
    }

    public Palette {
        swatches = List.copyOf(swatches);
    }

    public boolean isEmpty() {
        return swatches.isEmpty();
    }

    /** As kept in a library: "1e90ff:0.310,ff8c00:0.220". */
    public String encode() {
        List<String> parts = new ArrayList<>();
        for (Swatch s : swatches) {
            parts.add(String.format(Locale.ROOT, "%06x:%.3f", s.rgb(), s.share()));
        }
        return String.join(",", parts);
    }

    /** Reads {@link #encode()}'s form; anything unreadable is no palette. */
    public static Palette decode(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<Swatch> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] kv = part.split(":");
            if (kv.length != 2) {
                return NONE;
            }
            try {
                out.add(new Swatch(Integer.parseInt(kv[0].trim(), 16), Double.parseDouble(kv[1].trim())));
            } catch (NumberFormatException e) {
                return NONE;
            }
        }
        return new Palette(out);
    }

    /** "#1E90FF", "1e90ff" or "#19F" as 0xRRGGBB; empty when it is not a colour. */
    public static OptionalInt parseHex(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        String h = text.trim();
        if (h.startsWith("#")) {
            h = h.substring(1);
        }
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        if (!h.matches("[0-9a-fA-F]{6}")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(h, 16));
    }
}
