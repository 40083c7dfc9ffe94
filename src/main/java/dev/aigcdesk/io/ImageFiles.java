package dev.aigcdesk.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The one way a picture file is opened for reading: an image stream over the file itself (one made over an
 * InputStream does not close it, and leaves the file open), the first reader that knows the format, both
 * let go of whatever happens.
 */
public final class ImageFiles {

    /** What is read through the reader; null means nothing. */
    @FunctionalInterface
    public interface Work<T> {
        T read(ImageReader reader) throws IOException;
    }

    private ImageFiles() {}

    /** What {@code work} reads from {@code file}; empty when it is not a picture a reader knows, or cannot be read. */
    public static <T> Optional<T> read(Path file, Work<T> work) {
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
                return Optional.ofNullable(work.read(reader));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
