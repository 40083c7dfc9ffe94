package dev.aigcdesk.domain;

import java.util.Locale;

/** Lifecycle of a task as the app understands it (query-api.md §6). */
public enum TaskState {
    WAITING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    ABORTED,
    UNKNOWN;

    /** True while the service may still change the task, so it is worth polling. */
    public boolean isActive() {
        return this == WAITING || this == RUNNING || this == UNKNOWN;
    }

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == ABORTED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskState parseWireName(String name) {
        for (TaskState s : values()) {
            if (s.wireName().equalsIgnoreCase(name.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "Unknown state '" + name + "'. Use one of: waiting, running, succeeded, failed, aborted, unknown");
    }
}
