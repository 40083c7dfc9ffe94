package dev.aigcdesk.download.provenance;

import dev.aigcdesk.io.ImageFiles;
import java.nio.file.Path;
import java.util.Optional;

/** An image's size read from its header only: the pixels are never decoded. */
public record ImageHeader(int width, int height) {

    public static final int MAX_SIDE = 20_000;
    public static final long MAX_PIXELS = 100_000_000L;

    public boolean isOversized() {
        return width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS;
    }

    public static Optional<ImageHeader> read(Path file) {
        return ImageFiles.read(file, r -> new ImageHeader(r.getWidth(0), r.getHeight(0)));
    }
}
