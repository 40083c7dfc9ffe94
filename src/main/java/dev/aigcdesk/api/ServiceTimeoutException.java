package dev.aigcdesk.api;

import java.time.Duration;

/**
 * The service was reached but did not finish its answer in time: a slow or stalled server, not a
 * network that is down. Said as a timeout, with what did arrive.
 */
public final class ServiceTimeoutException extends ApiException {

    private final Duration waited;
    private final long bytesReceived;
    private final int tries;

    public ServiceTimeoutException(Duration waited, long bytesReceived, int tries, Throwable cause) {
        super(sentence(waited, bytesReceived, tries), ErrorDetails.NONE, cause);
        this.waited = waited;
        this.bytesReceived = bytesReceived;
        this.tries = tries;
    }

    private static String sentence(Duration waited, long bytes, int tries) {
        String sent =
                "it sent " + bytes + (bytes == 1 ? " byte" : " bytes") + (tries > 1 ? " over " + tries + " tries" : "");
        return "The service did not answer in " + seconds(waited) + " (" + sent + ").";
    }

    /** Whole seconds as people read them: "30 s". */
    public static String seconds(Duration d) {
        return Math.max(1, Math.round(d.toMillis() / 1000.0)) + " s";
    }

    public Duration waited() {
        return waited;
    }

    public long bytesReceived() {
        return bytesReceived;
    }

    public int tries() {
        return tries;
    }

    /** The same timeout, after more tries: their time and bytes added up. */
    ServiceTimeoutException overall(Duration total, long totalBytes, int allTries) {
        return new ServiceTimeoutException(total, totalBytes, allTries, getCause());
    }

    @Override
    public boolean isRetryable() {
        return true;
    }

    @Override
    protected String defaultCode() {
        return "Timeout";
    }
}
