package dev.aigcdesk.library;

/**
 * Where this desktop finds a saved file. In one's own library that is where it was saved; in a team
 * library a file saved on another desktop is found in this desktop's copy of the team's files, so
 * every record read says a place on this machine.
 */
@FunctionalInterface
public interface LocalCopies {

    /** Files are where they were saved. */
    LocalCopies AS_SAVED = f -> f;

    /** The record with its place on this desktop. */
    FileRecord here(FileRecord saved);
}
