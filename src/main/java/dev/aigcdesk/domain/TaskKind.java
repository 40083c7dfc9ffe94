package dev.aigcdesk.domain;

import java.util.Locale;

/** What a task produces. Unknown task types are {@link #OTHER}, never an error. */
public enum TaskKind {
    IMAGE,
    VIDEO,
    OTHER;

    public static TaskKind fromTaskType(String taskType) {
        if (taskType == null) {
            return OTHER;
        }
        return switch (taskType) {
            case "AigcImageTask" -> IMAGE;
            case "AigcVideoTask" -> VIDEO;
            default -> OTHER;
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
