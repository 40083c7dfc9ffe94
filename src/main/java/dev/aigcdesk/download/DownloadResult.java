package dev.aigcdesk.download;

import java.nio.file.Path;

/**
 * A complete file on disk. {@code alreadyPresent} is true when identical bytes were there before.
 *
 * @param type         the file's extension, from its bytes where they are a known kind
 * @param sizeDisagrees the transfer was complete, but the service's metadata announced another size
 */
public record DownloadResult(
        Path file, long size, String sha256, boolean alreadyPresent, String type, boolean sizeDisagrees) {}
