package dev.aigcdesk.library;

import dev.aigcdesk.domain.TaskId;
import java.util.Set;

/**
 * Something changed in the library, said by the library itself once the change is kept: a window on
 * another machine (the team library) or another part of this one learns of it without polling.
 *
 * @param ids    the tasks it concerns (empty for a change to the library as a whole, such as a deleted collection,
 *               or "anything may have changed" after a lost connection)
 * @param remote made by another desktop (the team library); this process already knows its own changes
 */
public record LibraryEvent(Kind kind, Set<TaskId> ids, boolean remote) {

    public enum Kind {
        /** Tasks entered the library (by id, or as generations started here). */
        ADDED,
        /** The service's word about tasks was recorded (an answer, a failed query, their reach). */
        ANSWERED,
        /** Where tasks' outputs stand in the archive changed. */
        FILES,
        /** Stars, tags or collections changed. */
        CURATED,
        /** Tasks were taken out. */
        REMOVED,
        /** Removed tasks were put back. */
        RESTORED,
        /** A shared library stopped answering (its server or the network); this desktop keeps what it has. */
        LOST,
        /** A shared library answers again; anything may have changed meanwhile. */
        BACK
    }

    public LibraryEvent {
        ids = Set.copyOf(ids);
    }

    /** A change made in this process. */
    public LibraryEvent(Kind kind, Set<TaskId> ids) {
        this(kind, ids, false);
    }
}
