package dev.aigcdesk.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ids found in pasted text, and the things that look like ids but are not valid ones. */
public record TaskIdScan(List<TaskId> ids, List<String> invalid) {

    /** Anything shaped roughly like an id: digits, a dash, a word ending in "Task", a dash, more. */
    private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9A-Za-z_])\\d{3,}-[A-Za-z]{3,}Task-[0-9A-Za-z]+");

    public static TaskIdScan of(CharSequence text) {
        List<TaskId> ids = TaskId.extractAll(text);
        Set<String> invalid = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = CANDIDATE.matcher(text);
            while (m.find()) {
                if (!TaskId.isValid(m.group())) {
                    invalid.add(m.group());
                }
            }
        }
        return new TaskIdScan(ids, new ArrayList<>(invalid));
    }
}
