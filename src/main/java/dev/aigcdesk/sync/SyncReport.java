package dev.aigcdesk.sync;

/**
 * One pass of refreshing and archiving, and what is still left afterwards.
 *
 * @param teamAway why the team library could not be reached, when the pass ran on this desktop's outbox instead
 */
public record SyncReport(PollReport poll, ArchiveReport archive, int stillActive, int stillPending, String teamAway) {

    public SyncReport(PollReport poll, ArchiveReport archive, int stillActive, int stillPending) {
        this(poll, archive, stillActive, stillPending, null);
    }

    /** Nothing running and nothing left to save. */
    public boolean settled() {
        return stillActive == 0 && stillPending == 0;
    }

    SyncReport away(String why) {
        return new SyncReport(poll, archive, stillActive, stillPending, why);
    }
}
