package dev.aigcdesk.domain;

import java.util.Optional;

/** Whether the service can still be asked about a task. Records are kept whatever this says. */
public enum Reach {
    /** The service answers, or may answer, queries about it. */
    REACHABLE,
    /** It was seen, but the service no longer answers (older than the 3-day query window). */
    OUT_OF_REACH,
    /** The service never knew it: mistyped, or from another account. */
    NOT_FOUND;

    /** "Not found" this many times in a row, and the service is taken at its word. */
    public static final int NOT_FOUND_LIMIT = 3;

    /**
     * What "not found" answers in a row mean, decided here once: nothing yet below the limit; then a task
     * the service once answered for is out of reach (past its 3-day window), and one it never knew is not found.
     */
    public static Optional<Reach> afterNotFound(int inARow, boolean wasAnswered) {
        return inARow < NOT_FOUND_LIMIT ? Optional.empty() : Optional.of(wasAnswered ? OUT_OF_REACH : NOT_FOUND);
    }

    /** Whether the service may still change a task in this state and can be asked about it: what polling follows. */
    public boolean stillFollowed(TaskState state) {
        return this == REACHABLE && state.isActive();
    }
}
