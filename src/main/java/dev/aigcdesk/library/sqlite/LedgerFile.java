package dev.aigcdesk.library.sqlite;

import dev.aigcdesk.library.LibraryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The library's file on disk: checked before SQLite touches it, and connected to with the app's settings. */
final class LedgerFile {

    private LedgerFile() {}

    /** Makes the folder; refuses a file SQLite would silently take for a new, empty library. */
    static void checkUsable(Path file) throws LibraryException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new LibraryException(
                    LibraryException.Kind.STORAGE,
                    "Cannot create the library folder " + file.toAbsolutePath().getParent() + " ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "). Choose a folder you can write with --home or AIGC_DESK_HOME.",
                    e);
        }
        if (Files.exists(file)) {
            // SQLite would take an empty or unreadable file for a new library and start over: never do that to
            // someone's record.
            if (!Files.isReadable(file) || !Files.isWritable(file)) {
                throw new LibraryException(
                        LibraryException.Kind.STORAGE,
                        "The library " + file + " cannot be read and written by this user;"
                                + " fix its permissions (nothing was changed).",
                        null);
            }
            try {
                if (Files.size(file) == 0) {
                    throw new LibraryException(
                            LibraryException.Kind.CORRUPT,
                            "The library " + file + " is empty (0 bytes): it was damaged."
                                    + " Run 'aigc-desk repair' to rebuild it from the archive.",
                            null);
                }
            } catch (IOException e) {
                throw new LibraryException(
                        LibraryException.Kind.STORAGE, "Cannot read the library " + file + ": " + e.getMessage(), e);
            }
        }
    }

    static Connection connect(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA foreign_keys = ON");
            // NORMAL in WAL mode keeps every commit through a crash of the app; only a power cut can lose the last
            // ones.
            s.execute("PRAGMA synchronous = NORMAL");
            // A removed task's bytes are zeroed, so that repair, which reads every page, never brings it back.
            s.execute("PRAGMA secure_delete = ON");
            s.executeQuery("SELECT count(*) FROM sqlite_master").close();
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }
}
