package dev.aigcdesk.ui.tasklist;

import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.LibraryFilter;
import java.util.Locale;

/** The state filter's choices: the task states, and the views that keep files safe (lost, not saved yet, at risk). */
public enum StateFilter {
    WAITING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    ABORTED,
    UNKNOWN,
    LOST,
    NOT_SAVED,
    AT_RISK;

    /** The task state it selects, or null for the views over outputs. */
    public TaskState state() {
        return ordinal() <= UNKNOWN.ordinal() ? TaskState.valueOf(name()) : null;
    }

    /** The condition on outputs it selects. */
    public LibraryFilter.Outputs outputs() {
        return switch (this) {
            case LOST -> LibraryFilter.Outputs.LOST;
            case NOT_SAVED -> LibraryFilter.Outputs.NOT_SAVED;
            case AT_RISK -> LibraryFilter.Outputs.AT_RISK;
            default -> LibraryFilter.Outputs.ANY;
        };
    }

    /** Counted beside its name: the views a designer should act on. */
    public boolean counted() {
        return state() == null;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
