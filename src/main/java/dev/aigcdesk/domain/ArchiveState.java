package dev.aigcdesk.domain;

/** Where an output file stands in the local archive. */
public enum ArchiveState {
    /** Not saved yet; the archiver will try. */
    PENDING,
    /** Saved, verified, and recorded with its hash. */
    ARCHIVED,
    /** The service deleted it before it could be saved. */
    EXPIRED,
    /** Cannot be saved: a refused URL, a file gone from the server. */
    FAILED
}
