package dev.aigcdesk.download;

import java.nio.file.Path;

/**
 * One file to fetch into {@code folder} under {@code fileName}. {@code expectedSize} is the size the
 * service's metadata announced, or null.
 */
public record DownloadRequest(String url, Path folder, String fileName, Long expectedSize) {}
