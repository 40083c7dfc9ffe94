package dev.aigcdesk.library.postgres;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.LibraryEvent;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.LocalCopies;
import dev.aigcdesk.library.sql.SqlLibrary;
import dev.aigcdesk.library.sql.SqlSupport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A studio's shared library on PostgreSQL: the same records as a desktop's own library, seen by every
 * desktop connected to it. Each change is told to the others through {@code NOTIFY}, and only one
 * desktop at a time refreshes the tasks from the service (a session-level advisory lock, released by
 * the server when that desktop dies).
 */
public final class PostgresLibrary extends SqlLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresLibrary.class);
    /** The advisory lock the refreshing desktop holds. */
    static final long SYNC_LOCK = 0x4149_4743_0002L;

    private final TeamDatabase where;
    private final String desktop;
    private final String origin = UUID.randomUUID().toString();
    private Connection notifier;
    private final ChangeFeed feed;
    private final Object notifierLock = new Object();
    private Connection lockHolder;

    private PostgresLibrary(
            TeamDatabase where,
            String desktop,
            LocalCopies copies,
            Connection db,
            Connection readDb,
            Connection notifier)
            throws SQLException {
        super(db, readDb, new PostgresDialect(where.shown()), desktop, copies);
        this.where = where;
        this.desktop = desktop;
        this.notifier = notifier;
        this.feed = new ChangeFeed(() -> connect(where, desktop), origin, this::tell);
    }

    /** Connects to the team database as {@code desktop} (shown to the others), upgrading its schema if needed. */
    public static PostgresLibrary open(TeamDatabase where, String desktop) throws LibraryException {
        return open(where, desktop, LocalCopies.AS_SAVED);
    }

    /** As {@link #open(TeamDatabase, String)}, finding the files on this desktop through {@code copies}. */
    public static PostgresLibrary open(TeamDatabase where, String desktop, LocalCopies copies) throws LibraryException {
        Connection c = null;
        Connection r = null;
        PostgresDialect dialect = new PostgresDialect(where.shown());
        try {
            c = connect(where, desktop);
            PgSchema.migrate(c, where.shown());
            r = connect(where, desktop);
            return new PostgresLibrary(where, desktop, copies, c, r, null);
        } catch (SQLException e) {
            SqlSupport.closeQuietly(c);
            SqlSupport.closeQuietly(r);
            throw dialect.translate("open the team library", e);
        } catch (LibraryException e) {
            SqlSupport.closeQuietly(c);
            throw e;
        }
    }

    static Connection connect(TeamDatabase where, String desktop) throws SQLException {
        var props = where.properties("AIGC Desk: " + desktop);
        // Strings are sent untyped, so the server reads each as its column's type (as SQLite does).
        props.setProperty("stringtype", "unspecified");
        return DriverManager.getConnection(where.jdbcUrl(), props);
    }

    @Override
    protected Connection reconnect() throws SQLException {
        return connect(where, desktop);
    }

    /** Who this desktop is to the others. */
    public String desktop() {
        return desktop;
    }

    @Override
    public Optional<String> sharedAs() {
        return Optional.of(desktop);
    }

    @Override
    public String location() {
        return where.shown();
    }

    /** Tells this process's listeners, then every other desktop's. */
    @Override
    protected void publish(LibraryEvent.Kind kind, Collection<TaskId> ids) {
        super.publish(kind, ids);
        String payload = ChangeFeed.payload(origin, kind, ids);
        synchronized (notifierLock) {
            try {
                if (notifier == null) {
                    notifier = connect(where, desktop); // the first change told from here
                }
                notify(payload);
            } catch (SQLException first) {
                try {
                    SqlSupport.closeQuietly(notifier);
                    notifier = connect(where, desktop);
                    notify(payload);
                } catch (SQLException e) {
                    // The change is kept; the others see it on their next read or when their feed reconnects.
                    LOG.warn("Could not tell the other desktops of a change ({})", e.getMessage());
                }
            }
        }
    }

    private void notify(String payload) throws SQLException {
        try (PreparedStatement ps = notifier.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, ChangeFeed.CHANNEL);
            ps.setString(2, payload);
            ps.execute();
        }
    }

    @Override
    public synchronized Optional<SyncLock> tryLockSync() throws LibraryException {
        try {
            Connection c = takeTurn();
            return c == null ? Optional.empty() : Optional.of(new RefreshTurn(c));
        } catch (SQLException e) {
            throw new PostgresDialect(where.shown()).translate("take the refresh turn", e);
        }
    }

    /** A new connection holding the refresh turn, or null (closed) when another desktop holds it. */
    private synchronized Connection takeTurn() throws SQLException {
        Connection c = connect(where, desktop);
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, SYNC_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) {
                    lockHolder = c;
                    return c;
                }
            }
        } catch (SQLException e) {
            SqlSupport.closeQuietly(c);
            throw e;
        }
        c.close();
        return null;
    }

    private synchronized void release(Connection c) {
        SqlSupport.closeQuietly(c);
        if (lockHolder == c) {
            lockHolder = null;
        }
    }

    /** The refresh turn as this desktop holds it: on its own connection, whose end (or the server's) ends it. */
    private final class RefreshTurn implements SyncLock {
        private Connection held;

        RefreshTurn(Connection held) {
            this.held = held;
        }

        /** A server that restarted forgot the turn: it is taken again, unless another desktop took it first. */
        @Override
        public synchronized boolean stillHeld() throws LibraryException {
            try {
                if (held != null && held.isValid(2)) {
                    return true;
                }
            } catch (SQLException e) {
                // not valid: asked again below
            }
            if (held != null) {
                release(held);
                held = null;
            }
            try {
                held = takeTurn();
            } catch (SQLException e) {
                throw new PostgresDialect(where.shown()).translate("take the refresh turn again", e);
            }
            if (held != null) {
                LOG.info("Took the team's refresh turn again after the connection to the server was lost");
            }
            return held != null;
        }

        @Override
        public synchronized void close() {
            if (held != null) {
                release(held);
                held = null;
            }
        }
    }

    /** The desktop that refreshes the team library now, as the server knows it. */
    @Override
    public String syncLockHolder() {
        try {
            return read(
                    "see who refreshes",
                    c -> SqlSupport.query(
                                    c,
                                    "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                                            + " WHERE l.locktype = 'advisory' AND l.granted"
                                            + " AND ((l.classid::bigint << 32) | l.objid::bigint) = ?",
                                    List.of(SYNC_LOCK),
                                    rs -> rs.getString(1).replaceFirst("^AIGC Desk: ", ""))
                            .stream()
                            .findFirst()
                            .orElse(null));
        } catch (LibraryException e) {
            return null;
        }
    }

    /** The desktops connected to this team library now (this one included), by name. */
    public List<String> desktopsOpen() throws LibraryException {
        return read(
                "see who is connected",
                c -> SqlSupport.query(
                        c,
                        "SELECT DISTINCT substr(application_name, 12) FROM pg_stat_activity"
                                + " WHERE datname = current_database() AND application_name LIKE 'AIGC Desk: %' ORDER BY 1",
                        List.of(),
                        rs -> rs.getString(1)));
    }

    @Override
    public void close() {
        feed.close();
        synchronized (this) {
            if (lockHolder != null) {
                SqlSupport.closeQuietly(lockHolder);
                lockHolder = null;
            }
        }
        synchronized (notifierLock) {
            SqlSupport.closeQuietly(notifier);
        }
        super.close();
    }
}
