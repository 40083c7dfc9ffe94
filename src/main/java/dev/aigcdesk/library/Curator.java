package dev.aigcdesk.library;

import dev.aigcdesk.domain.TaskId;
import java.util.Collection;
import java.util.List;

/** What the designer says about tasks: stars, tags (matched ignoring case, kept in their first spelling) and collections. */
public interface Curator {

    /** A tag or a collection, with how many tasks carry it. */
    record Named(String name, int count) {}

    /** Sets the stars (0 clears them); returns the unknown ids, in which case nothing changed. */
    List<TaskId> rate(Collection<TaskId> ids, int stars) throws LibraryException;

    /** Adds and removes tags; returns the unknown ids, in which case nothing changed. */
    List<TaskId> tag(Collection<TaskId> ids, Collection<String> add, Collection<String> remove) throws LibraryException;

    /** Puts tasks in a collection, making it if needed; returns the unknown ids, in which case nothing changed. */
    List<TaskId> addToCollection(String name, Collection<TaskId> ids) throws LibraryException;

    /** Takes tasks out of a collection (the collection stays); returns the unknown ids, in which case nothing changed. */
    List<TaskId> removeFromCollection(String name, Collection<TaskId> ids) throws LibraryException;

    /** Deletes a collection; its tasks stay in the library. False when there was no such collection. */
    boolean deleteCollection(String name) throws LibraryException;

    List<Named> collections() throws LibraryException;

    List<Named> tags() throws LibraryException;

    /** Puts a task's stars, tags and collections back (Undo, repair). */
    void restore(TaskId id, Curation c) throws LibraryException;
}
