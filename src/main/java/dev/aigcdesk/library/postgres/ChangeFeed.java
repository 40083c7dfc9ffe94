package dev.aigcdesk.library.postgres;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.LibraryEvent;
import dev.aigcdesk.library.sql.SqlSupport;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Other desktops' changes, as PostgreSQL tells them ({@code LISTEN/NOTIFY}): one connection waits for
 * notifications, no query runs in a loop. A notification says who made the change (so a desktop does
 * not hear itself twice), its kind and its tasks. When the connection is lost, the feed connects again
 * and says "anything may have changed", since notifications sent meanwhile are gone.
 */
final class ChangeFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    static final String CHANNEL = "aigc_desk_changes";
    /** NOTIFY's payload must stay under 8000 bytes; a bigger change is said as "the library changed". */
    private static final int MAX_PAYLOAD = 7000;

    /** Opens a connection to the team database. */
    interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;
    private final String origin;
    private final Consumer<LibraryEvent> heard;
    private final Thread thread;
    private volatile boolean open = true;
    private volatile Connection listening;
    /** The feed could not connect since it last said so (LOST told, BACK not yet). */
    private boolean lost;

    /** Listens before it returns, so no change made after a library opens goes unheard. */
    ChangeFeed(Connector connector, String origin, Consumer<LibraryEvent> heard) throws SQLException {
        this.connector = connector;
        this.origin = origin;
        this.heard = heard;
        this.listening = listen();
        this.thread = new Thread(this::run, "team-library-changes");
        thread.setDaemon(true);
        thread.start();
    }

    /** The payload for a change made here. */
    static String payload(String origin, LibraryEvent.Kind kind, Collection<TaskId> ids) {
        String joined = ids.stream().map(TaskId::value).collect(Collectors.joining(","));
        String p = origin + " " + kind.name() + " " + joined;
        return p.length() > MAX_PAYLOAD ? origin + " " + kind.name() + " " : p;
    }

    /** A payload heard, or null when it is not one of ours. */
    static LibraryEvent parse(String payload) {
        String[] parts = payload.split(" ", 3);
        if (parts.length < 2) {
            return null;
        }
        try {
            LibraryEvent.Kind kind = LibraryEvent.Kind.valueOf(parts[1]);
            Set<TaskId> ids = new LinkedHashSet<>();
            if (parts.length == 3 && !parts[2].isEmpty()) {
                Arrays.stream(parts[2].split(",")).map(TaskId::parse).forEach(ids::add);
            }
            return new LibraryEvent(kind, ids, true);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Connection listen() throws SQLException {
        Connection c = connector.connect();
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + CHANNEL);
        }
        return c;
    }

    private void run() {
        while (open) {
            try {
                Connection c = listening;
                if (c == null) {
                    c = listening = listen();
                    if (lost) {
                        lost = false;
                        LOG.info("The team library answers again; listening for changes");
                        // Notifications sent while the connection was down are lost: say everything may have changed.
                        heard.accept(new LibraryEvent(LibraryEvent.Kind.BACK, Set.of(), true));
                    }
                }
                PGNotification[] got = c.unwrap(PGConnection.class).getNotifications(1000);
                if (got != null) {
                    for (PGNotification n : got) {
                        hear(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!open) {
                    return;
                }
                if (!lost) {
                    LOG.warn("Lost the team library's change feed ({}); connecting again", e.getMessage());
                    if (listening != null) {
                        SqlSupport.closeQuietly(listening);
                        listening = null;
                    }
                    lost = true;
                    heard.accept(new LibraryEvent(LibraryEvent.Kind.LOST, Set.of(), true));
                }
                pause();
            }
        }
    }

    private void hear(String payload) {
        if (payload.startsWith(origin + " ")) {
            return;
        }
        LibraryEvent e = parse(payload);
        if (e != null) {
            heard.accept(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        open = false;
        thread.interrupt();
        Connection c = listening;
        if (c != null) {
            SqlSupport.closeQuietly(c);
        }
    }
}
