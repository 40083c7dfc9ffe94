package dev.aigcdesk.library;

/** Whether the service can still be asked about a task. Records are kept whatever this says. */
public enum Reach {
    /** The service answers, or may answer, queries about it. */
    REACHABLE,
    /** It was seen, but the service no longer answers (older than the 3-day query window). */
    OUT_OF_REACH,
    /** The service never knew it: mistyped, or from another account. */
    NOT_FOUND
}
