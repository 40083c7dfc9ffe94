package dev.aigcdesk.cli;

/** What the command line's exit codes mean (README "Exit codes"); scripts rely on them. */
public final class ExitCodes {

    /** Done; nothing was lost. */
    public static final int OK = 0;
    /** Something failed (the service, the network, the key, a file not saved yet); the message says what. */
    public static final int FAILED = 1;
    /** The command line itself is wrong: an unknown option, a malformed id. */
    public static final int USAGE = 2;
    /** A generation's output was lost: its link died before it could be saved. */
    public static final int LOST = 3;
    /** Another AIGC Desk holds this library's sync lock. */
    public static final int LOCKED = 4;
    /** The archive or the library cannot be written: a missing or read-only folder, or a full disk. */
    public static final int STORAGE = 5;

    /** A shared library or store did not answer (server down, network cut, refused credentials). */
    public static final int UNREACHABLE = 6;

    private ExitCodes() {}
}
