package dev.aigcdesk.library.sqlite;

import dev.aigcdesk.library.LibraryException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JDBC plumbing shared by the ledger's reads and writes: binding, row mapping, and SQLite errors in plain words. */
final class SqlSupport {

    private static final Logger LOG = LoggerFactory.getLogger(SqlSupport.class);
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_READONLY = 8;

    private SqlSupport() {}

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    static <T> List<T> query(Connection db, String sql, List<Object> params, RowReader<T> reader) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            bind(ps, params);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
            return out;
        }
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    static LibraryException translate(Path file, String what, SQLException e) {
        int code = e.getErrorCode() & 0xff;
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
            return new LibraryException(
                    LibraryException.Kind.CORRUPT,
                    "The library " + file + " is damaged (" + what + " failed)."
                            + " It can be rebuilt from the answers it saved: run 'aigc-desk repair'.",
                    e);
        }
        if (code == SQLITE_FULL) {
            // Said as the operating system says it, so that what is above the port reads it without knowing SQLite.
            return new LibraryException(
                    LibraryException.Kind.STORAGE,
                    "The disk holding " + file + " is full; could not " + what + ".",
                    new IOException("No space left on device: " + file, e));
        }
        if (code == SQLITE_READONLY) {
            return new LibraryException(
                    LibraryException.Kind.STORAGE,
                    "The library " + file + " cannot be written; could not " + what + ".",
                    new IOException("Read-only file system: " + file, e));
        }
        if (code == SQLITE_BUSY) {
            return new LibraryException(
                    LibraryException.Kind.LOCKED,
                    "The library " + file + " is busy in another process; could not " + what + ".",
                    e);
        }
        return new LibraryException(
                LibraryException.Kind.STORAGE,
                "Could not " + what + " in " + file + ": " + e.getMessage(),
                new IOException(e.getMessage(), e));
    }

    static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("Closing the library failed", e);
        }
    }
}
