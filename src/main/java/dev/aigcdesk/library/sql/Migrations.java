package dev.aigcdesk.library.sql;

import dev.aigcdesk.library.LibraryException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The one way every engine's schema is brought up to date: numbered steps, each applied in one
 * transaction together with the record of its number, so a step is either all there or not at all. A
 * newer app applies the steps an older library lacks; an older app refuses a library from a newer one.
 * Each engine keeps its own steps (its own types) and says where it records the number.
 */
public final class Migrations {

    /** Where an engine records how far its schema is. */
    public interface Version {
        int read(Connection c) throws SQLException;

        void write(Statement s, int version) throws SQLException;
    }

    private final List<List<String>> steps;
    private final Version version;
    private final IntFunction<String> tooNew;

    /**
     * @param steps  step N brings a library from version N to N + 1; never edit a released step: add one
     * @param tooNew what to say of a library at a version this app does not know
     */
    public Migrations(List<List<String>> steps, Version version, IntFunction<String> tooNew) {
        this.steps = List.copyOf(steps);
        this.version = version;
        this.tooNew = tooNew;
    }

    /** The version this app writes. */
    public int current() {
        return steps.size();
    }

    public int version(Connection c) throws SQLException {
        return version.read(c);
    }

    /** Brings the library up to {@code target} (tests build a library as an older release left it). */
    public void migrate(Connection c, int target) throws SQLException, LibraryException {
        int at = version.read(c);
        if (at > current()) {
            throw new LibraryException(LibraryException.Kind.TOO_NEW, tooNew.apply(at), null);
        }
        for (int v = at; v < target; v++) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : steps.get(v)) {
                    s.execute(sql);
                }
                version.write(s, v + 1);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }
}
