package dev.aigcdesk.library;

/** The ledger could not be opened, read or written. The message says what to do. */
public class LibraryException extends Exception {

    public enum Kind {
        CORRUPT,
        TOO_NEW,
        LOCKED,
        STORAGE,
        /** A shared library's server does not answer (network, server down, refused credentials). */
        UNREACHABLE
    }

    private final Kind kind;

    public LibraryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
