package dev.aigcdesk.sync;

/** What one polling round did. */
public record PollReport(int asked, int changed, int failed, boolean keyRejected, boolean offline) {

    public static final PollReport NOTHING = new PollReport(0, 0, 0, false, false);
}
