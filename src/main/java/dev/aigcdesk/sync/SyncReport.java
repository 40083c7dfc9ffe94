package dev.aigcdesk.sync;

/** One pass of refreshing and archiving, and what is still left afterwards. */
public record SyncReport(PollReport poll, ArchiveReport archive, int stillActive, int stillPending) {

    /** Nothing running and nothing left to save. */
    public boolean settled() {
        return stillActive == 0 && stillPending == 0;
    }
}
