package dev.aigcdesk.library.sql;

import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.LocalCopies;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A library's two connections: writes, one transaction at a time (callers hold the library's
 * monitor), and reads on their own, so they never wait for a write. A connection that was lost (a
 * team's server restarted, the network came back) is replaced once and the work tried once more.
 */
final class SqlConnections {

    private static final Logger LOG = LoggerFactory.getLogger(SqlConnections.class);

    /** Opens a new connection after one was lost. */
    @FunctionalInterface
    interface Reconnect {
        Connection open() throws SQLException;
    }

    private final Dialect dialect;
    private final LocalCopies copies;
    private final Reconnect reconnect;
    private final Object readLock = new Object();
    private Connection db;
    private TaskReader inWrite;
    private Connection readDb;
    private TaskReader reader;

    SqlConnections(Connection db, Connection readDb, Dialect dialect, LocalCopies copies, Reconnect reconnect) {
        this.dialect = dialect;
        this.copies = copies;
        this.reconnect = reconnect;
        this.db = db;
        this.inWrite = new TaskReader(db, copies);
        this.readDb = readDb;
        this.reader = new TaskReader(readDb, copies);
    }

    /** The write connection now. */
    Connection write() {
        return db;
    }

    /** Reads inside a write transaction. */
    TaskReader writeReader() {
        return inWrite;
    }

    /** Reads on the read connection (inside {@link #read}). */
    TaskReader reader() {
        return reader;
    }

    <T> T read(String what, SqlLibrary.Read<T> work) throws LibraryException {
        synchronized (readLock) {
            try {
                return work.run(readDb);
            } catch (SQLException e) {
                if (!dialect.connectionLost(e)) {
                    throw dialect.translate(what, e);
                }
            }
            // The server went away and may be back: one new connection, one more try.
            try {
                SqlSupport.closeQuietly(readDb);
                readDb = reconnect.open();
                reader = new TaskReader(readDb, copies);
                return work.run(readDb);
            } catch (SQLException again) {
                throw dialect.translate(what, again);
            }
        }
    }

    /** One write transaction on the write connection. */
    void inTransaction(String what, SqlLibrary.SqlWork work) throws LibraryException {
        try {
            once(work);
        } catch (SQLException e) {
            if (!dialect.connectionLost(e)) {
                throw dialect.translate(what, e);
            }
            // The change once more on a new connection: changes are upserts and settings of values, so one
            // that did land is not doubled.
            try {
                SqlSupport.closeQuietly(db);
                db = reconnect.open();
                inWrite = new TaskReader(db, copies);
                once(work);
            } catch (SQLException again) {
                throw dialect.translate(what, again);
            }
        }
    }

    private void once(SqlLibrary.SqlWork work) throws SQLException {
        db.setAutoCommit(false);
        try {
            work.run();
            db.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                db.rollback();
            } catch (SQLException rollback) {
                // A full disk fails the rollback too; the first failure is the one that says why.
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            try {
                db.setAutoCommit(true);
            } catch (SQLException ignored) {
                LOG.debug("Could not return the library connection to autocommit", ignored);
            }
        }
    }

    void close() {
        SqlSupport.closeQuietly(db);
        synchronized (readLock) {
            SqlSupport.closeQuietly(readDb);
        }
    }
}
