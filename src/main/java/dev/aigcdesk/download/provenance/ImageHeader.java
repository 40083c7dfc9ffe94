package dev.aigcdesk.download.provenance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** An image's size read from its header only: the pixels are never decoded. */
public record ImageHeader(int width, int height) {

    public static final int MAX_SIDE = 20_000;
    public static final long MAX_PIXELS = 100_000_000L;

    public boolean isOversized() {
        return width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS;
    }

    public static Optional<ImageHeader> read(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new ImageHeader(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
