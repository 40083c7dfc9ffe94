package dev.aigcdesk.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One result file of a task. Size, dimensions, duration and codec are null when the service's
 * metadata does not give them.
 */
public record OutputFile(
        String url,
        Instant expireTime,
        String storageMode,
        String type,
        Long size,
        Long width,
        Long height,
        Double durationSeconds,
        String codec,
        String fileId) {

    /** Instants past this are the service's way of writing "never" (9999-12-31). */
    private static final Instant NEVER_THRESHOLD = Instant.parse("9000-01-01T00:00:00Z");

    public Optional<Instant> expiry() {
        return Optional.ofNullable(expireTime).filter(t -> t.isBefore(NEVER_THRESHOLD));
    }

    public boolean isVideo() {
        return "mp4".equals(type) || "mov".equals(type) || "webm".equals(type);
    }

    public boolean isImage() {
        return "png".equals(type)
                || "jpg".equals(type)
                || "jpeg".equals(type)
                || "webp".equals(type)
                || "gif".equals(type);
    }

    /** The file type from a URL's path extension, lower case, or "" when it has none. */
    public static String typeFromUrl(String url) {
        if (url == null) {
            return "";
        }
        String path = url;
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        int slash = path.lastIndexOf('/');
        String last = path.substring(slash + 1);
        int dot = last.lastIndexOf('.');
        if (dot < 0 || dot == last.length() - 1) {
            return "";
        }
        String ext = last.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ext.matches("[a-z0-9]{1,5}") ? ext : "";
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }
}
