package dev.aigcdesk.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Optional;

/**
 * What the operating system reported about a file, named, so it can be said in any language: a full
 * disk, a read-only one, no permission, a missing file. Found anywhere in a failure's causes; the file
 * is empty when the system did not name one.
 */
public record IoTrouble(Kind kind, String file) {

    public enum Kind {
        FULL("full"),
        READ_ONLY("readOnly"),
        DENIED("denied"),
        MISSING("missing"),
        EXISTS("exists"),
        NOT_FOLDER("notFolder"),
        NOT_EMPTY("notEmpty");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The name its words are kept under. */
        public String key() {
            return key;
        }
    }

    public static Optional<IoTrouble> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Kind kind = kindOf(t);
            if (kind != null) {
                String file = t instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : "";
                return Optional.of(new IoTrouble(kind, file));
            }
        }
        return Optional.empty();
    }

    /** Whether the disk (or the user's quota) is full. */
    public static boolean isNoSpace(Throwable failure) {
        return of(failure).filter(t -> t.kind() == Kind.FULL).isPresent();
    }

    private static Kind kindOf(Throwable t) {
        if (t instanceof NoSuchFileException) {
            return Kind.MISSING;
        }
        if (t instanceof AccessDeniedException) {
            return Kind.DENIED;
        }
        if (t instanceof FileAlreadyExistsException) {
            return Kind.EXISTS;
        }
        if (t instanceof NotDirectoryException) {
            return Kind.NOT_FOLDER;
        }
        if (t instanceof DirectoryNotEmptyException) {
            return Kind.NOT_EMPTY;
        }
        if (!(t instanceof IOException)) {
            return null;
        }
        String reason = t instanceof FileSystemException fs && fs.getReason() != null
                ? fs.getReason()
                : t.getMessage() == null ? "" : t.getMessage();
        if (reason.contains("No space left")
                || reason.contains("Disk quota exceeded")
                || reason.contains("not enough space")) {
            return Kind.FULL;
        }
        if (reason.contains("Read-only file system")) {
            return Kind.READ_ONLY;
        }
        if (reason.contains("Permission denied")) {
            return Kind.DENIED;
        }
        if (reason.contains("No such file")) {
            return Kind.MISSING;
        }
        return null;
    }
}
