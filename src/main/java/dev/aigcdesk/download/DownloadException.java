package dev.aigcdesk.download;

/** A download that did not produce a verified file. The message says what happened and what to do. */
public final class DownloadException extends Exception {

    public enum Reason {
        /** The URL is not http(s) or the name would leave the folder: never retried. */
        REFUSED,
        /** The server says the file is gone (404, 410, 403 on an expired link). */
        GONE,
        /** The folder cannot be written or the disk is full. */
        LOCAL_STORAGE,
        /** The bytes did not match the announced size. */
        VERIFICATION,
        /** Network trouble or server errors that outlasted the retries. */
        TRANSFER,
        /** Larger than the app will store for one output: never retried, nothing kept. */
        TOO_LARGE
    }

    private final Reason reason;

    public DownloadException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** What the library keeps about it: the reason as a code, this message as the particulars. */
    public dev.aigcdesk.domain.Problem problem() {
        String key = switch (reason) {
            case TRANSFER -> "download.transfer";
            case VERIFICATION -> "download.verification";
            case GONE -> "download.gone";
            case REFUSED -> "download.refused";
            case TOO_LARGE -> "download.tooLarge";
            case LOCAL_STORAGE -> "download.storage";
        };
        return new dev.aigcdesk.domain.Problem(key, getMessage());
    }

    /** Worth trying again later (the archiver keeps trying until the file expires). */
    public boolean isRetryable() {
        return reason == Reason.TRANSFER || reason == Reason.VERIFICATION;
    }
}
