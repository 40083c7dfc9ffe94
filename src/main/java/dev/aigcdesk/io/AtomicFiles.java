package dev.aigcdesk.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The one way files are put in place: written beside the target, then moved over it atomically, so
 * a reader (or a crash) never sees half a file. Where the file system cannot move atomically (some
 * network shares), a plain move is the best there is.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** Moves {@code from} over {@code to}, replacing it. */
    public static void replace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Moves {@code from} to {@code to}, failing if {@code to} exists. */
    public static void place(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
