package dev.aigcdesk.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** What a file is, from its first bytes: a link ending in .png may serve a JPEG, and the file should say so. */
public final class FileTypes {

    private FileTypes() {}

    /** The extension for the bytes in {@code file} (png, jpg, webp, gif, mp4, mov, webm), if they are one of those. */
    public static Optional<String> sniff(Path file) throws IOException {
        byte[] h = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(h, 0, h.length);
        }
        return sniff(h, n);
    }

    static Optional<String> sniff(byte[] h, int n) {
        if (n >= 8 && (h[0] & 0xff) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') {
            return Optional.of("png");
        }
        if (n >= 3 && (h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0xD8 && (h[2] & 0xff) == 0xFF) {
            return Optional.of("jpg");
        }
        if (n >= 12 && ascii(h, 0, "RIFF") && ascii(h, 8, "WEBP")) {
            return Optional.of("webp");
        }
        if (n >= 6 && ascii(h, 0, "GIF8")) {
            return Optional.of("gif");
        }
        if (n >= 12 && ascii(h, 4, "ftyp")) {
            return Optional.of(ascii(h, 8, "qt  ") ? "mov" : "mp4");
        }
        if (n >= 4
                && (h[0] & 0xff) == 0x1A
                && (h[1] & 0xff) == 0x45
                && (h[2] & 0xff) == 0xDF
                && (h[3] & 0xff) == 0xA3) {
            return Optional.of("webm");
        }
        return Optional.empty();
    }

    private static boolean ascii(byte[] h, int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (h[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code name} with its extension replaced by {@code ext} (or added, if it had none). */
    static String withExtension(String name, String ext) {
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + "." + ext;
    }

    static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
