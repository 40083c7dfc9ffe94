package dev.aigcdesk.library.sql;

import dev.aigcdesk.library.LibraryException;
import java.sql.SQLException;
import java.util.List;

/** Where one SQL engine's words differ from another's; everything else in this package is plain SQL both speak. */
public interface Dialect {

    /** A failure said in plain words, with the kind the layers above act on (damaged, full, busy...). */
    LibraryException translate(String what, SQLException e);

    /** Whether the connection itself was lost (a server restarted, a network cut), rather than the statement refused. */
    boolean connectionLost(SQLException e);

    /** {@code expr = ?}, ignoring case. */
    String equalsIgnoringCase(String expr);

    /** An ORDER BY term placing the newest {@code column} first and rows without one last. */
    String newestFirst(String column);

    /** An ORDER BY term placing {@code expr} ignoring case. */
    String orderIgnoringCase(String expr);

    /**
     * Narrows {@code where} to tasks with {@code word} (3 or more characters) in their prompt, negative
     * prompt, model or id (through the engine's text index), or in one of their tags.
     */
    void matchWord(String word, StringBuilder where, List<Object> params);

    /**
     * raw_first_finish's new value when raw_latest is replaced (parameter 1: whether the new answer is
     * final). An empty value means "the same as raw_latest"; SET sees the row as it was, so such a value
     * is made real from the old latest before that changes.
     */
    String firstFinishUpdate();
}
