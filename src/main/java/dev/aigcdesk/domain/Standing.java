package dev.aigcdesk.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Where a task stands for the designer, decided here once, so that the list, the grid, the detail
 * and the command line never contradict each other: a lost output says "Lost", not "Done"; a task the
 * service does not know says "Not found", without a spinner; one it stopped answering for says "Out
 * of reach".
 */
public enum Standing {
    WAITING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    ABORTED,
    UNKNOWN,
    LOST,
    NOT_FOUND,
    OUT_OF_REACH;

    /** Every standing's key (its words' and its badge style's name). */
    public static final List<String> KEYS =
            Arrays.stream(values()).map(Standing::key).toList();

    public static Standing of(TaskState state, Reach reach, Collection<ArchiveState> files) {
        if (reach == Reach.NOT_FOUND) {
            return NOT_FOUND;
        }
        if (files.contains(ArchiveState.EXPIRED)) {
            return LOST;
        }
        if (reach == Reach.OUT_OF_REACH && !state.isTerminal()) {
            return OUT_OF_REACH;
        }
        return valueOf(state.name());
    }

    /** Still moving: a progress bar (or spinner) belongs next to it. */
    public boolean moving() {
        return this == WAITING || this == RUNNING;
    }

    /** "out-of-reach": the name its words and its badge's style go by. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
