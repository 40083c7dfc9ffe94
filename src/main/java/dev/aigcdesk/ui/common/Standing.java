package dev.aigcdesk.ui.common;

import dev.aigcdesk.library.ArchiveState;
import dev.aigcdesk.library.Reach;
import dev.aigcdesk.library.TaskRecord;

/**
 * What the badge says about a task, so that the list, the grid and the detail never contradict
 * each other: a lost output says "Lost", not "Done"; a task the service does not know says "Not
 * found", without a spinner; one it stopped answering for says "Out of reach".
 */
public enum Standing {
    WAITING, RUNNING, SUCCEEDED, FAILED, ABORTED, UNKNOWN, LOST, NOT_FOUND, OUT_OF_REACH;

    public static Standing of(TaskRecord r) {
        if (r.reach() == Reach.NOT_FOUND) {
            return NOT_FOUND;
        }
        if (r.files().stream().anyMatch(f -> f.state() == ArchiveState.EXPIRED)) {
            return LOST;
        }
        if (r.reach() == Reach.OUT_OF_REACH && !r.task().state().isTerminal()) {
            return OUT_OF_REACH;
        }
        return valueOf(r.task().state().name());
    }

    /** Still moving: a progress bar (or spinner) belongs next to it. */
    public boolean moving() {
        return this == WAITING || this == RUNNING;
    }

    /** The CSS class of its badge. */
    public String styleClass() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Every standing's style name: the pseudo-classes a recycled cell switches between. */
    public static final java.util.List<String> STYLES = java.util.Arrays.stream(values()).map(Standing::styleClass).toList();
}
