package dev.aigcdesk.library.postgres;

import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.sql.Dialect;
import dev.aigcdesk.library.sql.SearchSql;
import dev.aigcdesk.library.sql.SqlCurator;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** PostgreSQL's words: lower() for case, the pg_trgm index over search_doc, bytea, and its SQLSTATEs in plain words. */
final class PostgresDialect implements Dialect {

    private final String where;

    PostgresDialect(String where) {
        this.where = where;
    }

    @Override
    public boolean connectionLost(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    @Override
    public String equalsIgnoringCase(String expr) {
        return "lower(" + expr + ") = lower(?)";
    }

    @Override
    public String newestFirst(String column) {
        return column + " DESC NULLS LAST";
    }

    @Override
    public String orderIgnoringCase(String expr) {
        return "lower(" + expr + ")";
    }

    @Override
    public void matchWord(String word, StringBuilder sql, List<Object> params) {
        // search_doc is the id, prompts and model in lower case, under a trigram index: any 3+ characters, Chinese too.
        // One set of ids (the index's, plus the few tasks with a matching tag): an OR here would scan every task.
        sql.append(" AND t.id IN (SELECT id FROM task WHERE search_doc LIKE ? ESCAPE '\\' UNION SELECT tt.task_id"
                + " FROM task_tag tt JOIN tag g ON g.id = tt.tag_id WHERE g.folded LIKE ? ESCAPE '\\')");
        params.add(SearchSql.containing(word.toLowerCase(Locale.ROOT)));
        params.add(SqlCurator.fold(SearchSql.containing(word)));
    }

    @Override
    public String firstFinishUpdate() {
        return "CASE WHEN raw_first_finish IS NULL AND ? THEN '\\x'::bytea "
                + "WHEN octet_length(raw_first_finish) = 0 THEN raw_latest ELSE raw_first_finish END";
    }

    @Override
    public LibraryException translate(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")) {
            return new LibraryException(
                    LibraryException.Kind.UNREACHABLE,
                    "The team library at " + where + " cannot be reached; could not " + what
                            + ". Nothing is lost: this desktop keeps working and catches up when it answers.",
                    e);
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return new LibraryException(
                    LibraryException.Kind.UNREACHABLE,
                    "The team library at " + where + " refused the user name or password; could not " + what
                            + ". Check them with 'aigc-desk team connect' or in Settings → Team library.",
                    e);
        }
        if (state.equals("42501")) {
            return new LibraryException(
                    LibraryException.Kind.STORAGE,
                    "The team library's user may not " + what + " (" + where + "); ask for the rights in the README.",
                    e);
        }
        if (state.equals("53100")) {
            return new LibraryException(
                    LibraryException.Kind.STORAGE,
                    "The team library's disk is full; could not " + what + ".",
                    new IOException("No space left on device: " + where, e));
        }
        if (state.equals("40001") || state.equals("40P01") || state.equals("55P03")) {
            return new LibraryException(
                    LibraryException.Kind.LOCKED,
                    "The team library is busy with another desktop's change; could not " + what + ". Try again.",
                    e);
        }
        return new LibraryException(
                LibraryException.Kind.STORAGE,
                "Could not " + what + " in the team library " + where + ": " + e.getMessage(),
                new IOException(e.getMessage(), e));
    }
}
