package dev.aigcdesk.library.sqlite;

import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.sql.Dialect;
import dev.aigcdesk.library.sql.SearchSql;
import dev.aigcdesk.library.sql.SqlCurator;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/** SQLite's words: NOCASE, the FTS5 trigram index, typeof(), and its result codes said in plain words. */
final class SqliteDialect implements Dialect {

    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_READONLY = 8;

    private final Path file;

    SqliteDialect(Path file) {
        this.file = file;
    }

    @Override
    public boolean connectionLost(SQLException e) {
        return false;
    }

    @Override
    public String equalsIgnoringCase(String expr) {
        return expr + " = ? COLLATE NOCASE";
    }

    @Override
    public String newestFirst(String column) {
        return column + " DESC";
    }

    @Override
    public String orderIgnoringCase(String expr) {
        return expr + " COLLATE NOCASE";
    }

    @Override
    public void matchWord(String word, StringBuilder where, List<Object> params) {
        // One set of rowids (the index's, plus the few tasks with a matching tag): an OR here would scan every task.
        where.append(
                " AND t.rowid IN (SELECT rowid FROM task_fts WHERE task_fts MATCH ? UNION SELECT t2.rowid FROM tag g"
                        + " JOIN task_tag tt ON tt.tag_id = g.id JOIN task t2 ON t2.id = tt.task_id WHERE g.folded LIKE ? ESCAPE '\\')");
        params.add("\"" + word.replace("\"", "\"\"") + "\"");
        params.add(SqlCurator.fold(SearchSql.containing(word)));
    }

    @Override
    public String firstFinishUpdate() {
        return "CASE WHEN raw_first_finish IS NULL AND ? THEN X'' "
                + "WHEN typeof(raw_first_finish) = 'blob' AND length(raw_first_finish) = 0 THEN raw_latest ELSE raw_first_finish END";
    }

    @Override
    public LibraryException translate(String what, SQLException e) {
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
}
