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
    /** For a full disk or a refused folder: the code and the folder, so each language can say it whole. */
    private final String storageKey;
    private final String folder;

    public DownloadException(Reason reason, String message, Throwable cause) {
        this(reason, message, cause, null, null);
    }

    private DownloadException(Reason reason, String message, Throwable cause, String storageKey, String folder) {
        super(message, cause);
        this.reason = reason;
        this.storageKey = storageKey;
        this.folder = folder;
    }

    /** The disk holding {@code folder} has no room for the file. */
    public static DownloadException diskFull(java.nio.file.Path folder, Throwable cause) {
        return new DownloadException(Reason.LOCAL_STORAGE, "Cannot write to " + folder + ": the disk is full.", cause, "download.storage.full", folder.toString());
    }

    /** The operating system does not let the app write in {@code folder}. */
    public static DownloadException notAllowed(java.nio.file.Path folder, Throwable cause) {
        return new DownloadException(Reason.LOCAL_STORAGE, "Cannot write to " + folder + ": permission denied.", cause, "download.storage.denied", folder.toString());
    }


    public Reason reason() {
        return reason;
    }

    /** What the library keeps about it: the reason as a code, this message as the particulars. */
    public dev.aigcdesk.domain.Problem problem() {
        if (storageKey != null) {
            return new dev.aigcdesk.domain.Problem(storageKey, folder);
        }
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
