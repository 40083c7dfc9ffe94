package dev.aigcdesk.library.postgres;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.LibraryEvent;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.LocalCopies;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.library.sql.SqlLibrary;
import dev.aigcdesk.library.sql.SqlSupport;
import dev.aigcdesk.library.sql.WorkConditions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A studio's shared library on PostgreSQL: the same records as a desktop's own library, seen by every
 * desktop connected to it. Each change is told to the others through {@code NOTIFY}, and each task is
 * refreshed and saved by one desktop at a time ({@link TaskLeases}: a lease that lapses when that desktop
 * dies, for another to take).
 */
public final class PostgresLibrary extends SqlLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresLibrary.class);
    /** How long a lease is assumed to last when asked who shares the work before this process claimed any. */
    private static final Duration DEFAULT_LEASE = Duration.ofSeconds(10);

    private final TeamDatabase where;
    private final String desktop;
    private final String origin = UUID.randomUUID().toString();
    private Connection notifier;
    private final ChangeFeed feed;
    private final Object notifierLock = new Object();
    private final TaskLeases leases;
    private volatile Duration lastLease = DEFAULT_LEASE;

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
        this.leases = new TaskLeases(origin, desktop, WorkConditions.followed(), WorkConditions.unsaved());
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

    /** Not exclusive: the team's work is leased task by task. Closing it hands this process's tasks back at once. */
    @Override
    public Optional<SyncLock> tryLockSync() {
        return Optional.of(this::handBackWork);
    }

    @Override
    public Work claimWork(Duration lease) throws LibraryException {
        lastLease = lease;
        TaskLeases.Claim claim = write("share out the team's work", c -> leases.claim(c, lease.toMillis()));
        Set<TaskId> mine = claim.ids().stream().map(TaskId::parse).collect(Collectors.toSet());
        List<TaskRecord> active =
                activeTasks().stream().filter(r -> mine.contains(r.id())).toList();
        return new Work(active, mine, claim.refreshers());
    }

    @Override
    public void renewClaims(Duration lease) throws LibraryException {
        write("keep this desktop's share of the work", c -> {
            leases.renew(c, lease.toMillis());
            return Boolean.TRUE;
        });
    }

    private void handBackWork() {
        try {
            write("hand this desktop's tasks back to the team", c -> {
                leases.release(c);
                return Boolean.TRUE;
            });
        } catch (LibraryException e) {
            LOG.info(
                    "Could not hand this desktop's tasks back ({}); the others take them when the leases end",
                    e.getMessage());
        }
    }

    /** Who shares the team's work now, as the server knows it ("Ann (12 tasks), Ben (11 tasks)"). */
    @Override
    public String syncLockHolder() {
        try {
            return read("see who refreshes", c -> TaskLeases.sharing(c, lastLease.toMillis()));
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
        synchronized (notifierLock) {
            SqlSupport.closeQuietly(notifier);
        }
        super.close();
    }
}
