package dev.aigcdesk.library;

import dev.aigcdesk.domain.TaskId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Tasks taken out of the library (their files stay on disk) and put back exactly as they were (Undo). */
public interface Removals {

    /** Removes the records of a task at once; empty when there was no such task. */
    default Optional<Removal> remove(TaskId id) throws LibraryException {
        return removeAll(List.of(id)).stream().findFirst();
    }

    /** Removes several tasks at once; returns what Undo needs, for those that were there. */
    List<Removal> removeAll(Collection<TaskId> ids) throws LibraryException;

    /** Puts back a removed task exactly as it was: its fields, files, answers and how it was made; then its curation. */
    void restore(Removal removal) throws LibraryException;
}
