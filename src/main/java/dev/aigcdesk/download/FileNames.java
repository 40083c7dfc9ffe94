package dev.aigcdesk.download;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** File names that are safe on Windows, macOS and Linux, and readable by people. */
public final class FileNames {

    private static final Set<String> WINDOWS_RESERVED = Set.of(
            "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1",
            "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");
    private static final int MAX_NAME_BYTES = 200;

    private FileNames() {}

    /** One path segment, never a path: separators, traversal, control and reserved characters are replaced. */
    public static String sanitize(String name) {
        String n = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(n.length());
        n.codePoints().forEach(cp -> {
            if (cp < 32 || cp == 127 || "<>:\"/\\|?*".indexOf(cp) >= 0 || Character.getType(cp) == Character.FORMAT) {
                sb.append('_');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        String s = stripDotsAndSpaces(sb.toString());
        int dot = s.lastIndexOf('.');
        String base = dot > 0 ? s.substring(0, dot) : s;
        String ext = dot > 0 ? s.substring(dot) : "";
        if (WINDOWS_RESERVED.contains(base.toUpperCase(Locale.ROOT))) {
            base = "_" + base;
        }
        base = truncateUtf8(base, MAX_NAME_BYTES - ext.getBytes(StandardCharsets.UTF_8).length);
        String result = stripDotsAndSpaces(base + ext);
        return result.isEmpty() || result.equals(ext) ? "file" + ext : result;
    }

    /**
     * A short slug of a prompt for file names: letters and digits of any script are kept (Chinese
     * stays Chinese), everything else, emoji included, becomes a single dash.
     */
    public static String slug(String text, int maxCodePoints) {
        if (text == null) {
            return "untitled";
        }
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder();
        int count = 0;
        boolean dash = false;
        for (int i = 0; i < n.length() && count < maxCodePoints; ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                boolean needsDash = dash && sb.length() > 0;
                if (count + (needsDash ? 2 : 1) > maxCodePoints) {
                    break;
                }
                if (needsDash) {
                    sb.append('-');
                    count++;
                }
                dash = false;
                sb.appendCodePoint(Character.toLowerCase(cp));
                count++;
            } else {
                dash = true;
            }
        }
        String s = sb.toString();
        while (s.endsWith("-")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.isEmpty() ? "untitled" : s;
    }

    /** The extension to save a file under: the known type, else "bin". */
    public static String extension(String type) {
        if (type == null || !type.matches("[a-z0-9]{1,5}")) {
            return "bin";
        }
        return type.equals("jpeg") ? "jpg" : type;
    }

    private static String stripDotsAndSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '.' || Character.isWhitespace(s.charAt(start)))) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '.' || Character.isWhitespace(s.charAt(end - 1)))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String truncateUtf8(String s, int maxBytes) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > maxBytes) {
                break;
            }
            sb.appendCodePoint(cp);
            bytes += len;
            i += Character.charCount(cp);
        }
        return sb.toString();
    }
}
