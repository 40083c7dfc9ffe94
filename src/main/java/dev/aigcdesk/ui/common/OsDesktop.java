package dev.aigcdesk.ui.common;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the operating system does for the window: hand a file to its app or file manager, read the
 * files dropped on it, grab a video's poster frame, show a notification. The window asks this and
 * never does that work itself; the shell supplies the real one.
 */
public interface OsDesktop {

    /** Opens a file or URL with the user's default application. */
    void open(String target) throws IOException;

    /** Shows the file selected in its folder where the platform can. */
    void reveal(Path file) throws IOException;

    /** The text of the files dropped on the window (task ids are read out of it). */
    String readDropped(List<Path> files) throws IOException;

    /** A video's first good frame, or empty when it has none that can be read. */
    Optional<BufferedImage> posterFrame(Path video);

    /** Shows a desktop notification; false where the desktop has none. */
    boolean notify(String title, String text, boolean urgent);
}
