package dev.aigcdesk.download;

/** Told how far a transfer is; {@code total} is -1 when the server did not say. */
@FunctionalInterface
public interface DownloadProgress {

    DownloadProgress NONE = (done, total) -> {};

    void update(long done, long total);
}
