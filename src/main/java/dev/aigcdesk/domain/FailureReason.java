package dev.aigcdesk.domain;

import java.util.Locale;

/**
 * Why a task failed, as a code the window renders in its own language (with what to do next); the
 * service's code and message stay beside it, verbatim.
 */
public enum FailureReason {
    MODERATION,
    COPYRIGHT,
    REAL_PERSON,
    BUSY,
    PARAMETER,
    INPUT_FORMAT,
    INPUT_UNUSABLE,
    BACKLOG,
    INTERNAL,
    NO_CAPACITY,
    NO_RESULT,
    INPUT_MISSING,
    CANCELLED,
    ABORTED,
    TIMEOUT,
    NO_OUTPUT,
    OTHER;

    /** The key of its words and advice in the window's message bundles. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
