package dev.aigcdesk.download;

import dev.aigcdesk.domain.Problem;
import java.nio.file.Path;
import java.time.Duration;

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
        TOO_LARGE,
        /** The server sent too little for too long (a drip): stopped, the partial file removed, tried again later. */
        STALLED
    }

    private final Reason reason;
    /** For a full disk, a refused folder or a stall: the code and its particulars, so each language can say it whole. */
    private final String problemKey;

    private final String problemDetail;

    public DownloadException(Reason reason, String message, Throwable cause) {
        this(reason, message, cause, null, null);
    }

    private DownloadException(Reason reason, String message, Throwable cause, String problemKey, String problemDetail) {
        super(message, cause);
        this.reason = reason;
        this.problemKey = problemKey;
        this.problemDetail = problemDetail;
    }

    /** Fewer than {@code floorPerSecond} bytes a second for a whole {@code window}: {@code bytes} came in it. */
    public static DownloadException stalled(long bytes, Duration window, long floorPerSecond, Throwable cause) {
        String detail = bytes + " B / " + window.toSeconds() + " s";
        return new DownloadException(
                Reason.STALLED,
                "The server sent only " + bytes + " bytes in " + window.toSeconds() + " s (under " + floorPerSecond
                        + " B/s); stopped, and it will be tried again.",
                cause,
                "download.stalled",
                detail);
    }

    /** The disk holding {@code folder} has no room for the file. */
    public static DownloadException diskFull(Path folder, Throwable cause) {
        return new DownloadException(
                Reason.LOCAL_STORAGE,
                "Cannot write to " + folder + ": the disk is full.",
                cause,
                "download.storage.full",
                folder.toString());
    }

    /** The operating system does not let the app write in {@code folder}. */
    public static DownloadException notAllowed(Path folder, Throwable cause) {
        return new DownloadException(
                Reason.LOCAL_STORAGE,
                "Cannot write to " + folder + ": permission denied.",
                cause,
                "download.storage.denied",
                folder.toString());
    }

    public Reason reason() {
        return reason;
    }

    /** What the library keeps about it: the reason as a code, this message as the particulars. */
    public Problem problem() {
        if (problemKey != null) {
            return new Problem(problemKey, problemDetail);
        }
        String key = switch (reason) {
            case TRANSFER -> "download.transfer";
            case VERIFICATION -> "download.verification";
            case GONE -> "download.gone";
            case REFUSED -> "download.refused";
            case TOO_LARGE -> "download.tooLarge";
            case LOCAL_STORAGE -> "download.storage";
            case STALLED -> "download.stalled";
        };
        return new Problem(key, getMessage());
    }

    /** Worth trying again later (the archiver keeps trying until the file expires). */
    public boolean isRetryable() {
        return reason == Reason.TRANSFER || reason == Reason.VERIFICATION || reason == Reason.STALLED;
    }
}
