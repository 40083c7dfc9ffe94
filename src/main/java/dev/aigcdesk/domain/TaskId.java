package dev.aigcdesk.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Tencent VOD task id such as {@code 1392336703-AigcImageTask-47965947a83db42af4b1e3a74c243531t}:
 * an app id, a task type and 32 hex digits followed by {@code t}.
 */
public record TaskId(String value) implements Comparable<TaskId> {

    private static final String CORE = "(\\d{4,12})-([A-Z][A-Za-z0-9]{2,40}Task)-([0-9a-fA-F]{32})t";
    private static final Pattern EXACT = Pattern.compile(CORE);
    /** Ids embedded in text: not glued to other id-like characters on either side. */
    private static final Pattern EMBEDDED = Pattern.compile("(?<![0-9A-Za-z_-])" + CORE + "(?![0-9A-Za-z_])");

    public TaskId {
        Objects.requireNonNull(value, "value");
        if (!EXACT.matcher(value).matches()) {
            throw new IllegalArgumentException(describeProblem(value));
        }
        value = normalise(value);
    }

    /** Parses one id, trimming surrounding white space and quotes. */
    public static TaskId parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("No task id given");
        }
        return new TaskId(strip(text));
    }

    public static boolean isValid(String text) {
        return text != null && EXACT.matcher(strip(text)).matches();
    }

    /** Every distinct task id in any text (a chat message, a log, CSV or JSON), in order of first appearance. */
    public static List<TaskId> extractAll(CharSequence text) {
        if (text == null) {
            return List.of();
        }
        Set<TaskId> found = new LinkedHashSet<>();
        Matcher m = EMBEDDED.matcher(text);
        while (m.find()) {
            found.add(new TaskId(m.group()));
        }
        return new ArrayList<>(found);
    }

    public TaskKind kind() {
        Matcher m = EXACT.matcher(value);
        return m.matches() ? TaskKind.fromTaskType(m.group(2)) : TaskKind.OTHER;
    }

    /** The last 8 hex digits, enough to tell tasks apart in file names and lists. */
    public String shortId() {
        int end = value.length() - 1;
        return value.substring(end - 8, end);
    }

    @Override
    public int compareTo(TaskId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String normalise(String v) {
        Matcher m = EXACT.matcher(v);
        m.matches();
        return m.group(1) + "-" + m.group(2) + "-" + m.group(3).toLowerCase(Locale.ROOT) + "t";
    }

    private static String strip(String text) {
        String t = text.strip();
        while (t.length() >= 2 && isQuote(t.charAt(0)) && isQuote(t.charAt(t.length() - 1))) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static String describeProblem(String value) {
        String shown = value.length() > 60 ? value.substring(0, 57) + "…" : value;
        if (value.isBlank()) {
            return "Task id is empty";
        }
        return "'" + shown + "' is not a task id. Task ids look like 1392336703-AigcImageTask-<32 hex digits>t";
    }
}
