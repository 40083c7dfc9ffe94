package dev.aigcdesk.download;

import java.nio.file.Path;

/** A verified file on disk. {@code alreadyPresent} is true when identical bytes were there before. */
public record DownloadResult(Path file, long size, String sha256, boolean alreadyPresent) {
}
