package dev.aigcdesk.app;

import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.pacing.ThreadPools;
import dev.aigcdesk.sync.SyncService;
import dev.aigcdesk.sync.TeamShelf;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who refreshes this window's library. When another AIGC Desk holds the library's sync lock, this
 * one only shows it, and asks for the lock again every poll interval: when the other closes, this
 * one takes over within one interval, so nothing goes unsaved because a window was closed.
 */
public final class LibrarySync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LibrarySync.class);

    private final Session session;
    private final List<Runnable> onActive = new CopyOnWriteArrayList<>();
    private volatile SyncService service;
    private volatile boolean begun;
    private ScheduledExecutorService waiter;

    private LibrarySync(Session session) {
        this.session = session;
    }

    /**
     * Takes the library's sync lock now (or waits for it in the background); the polling and archiving
     * begin with {@link #begin}, which the window calls once its first page is on screen.
     */
    public static LibrarySync start(Session session) throws LibraryException {
        LibrarySync s = new LibrarySync(session);
        if (!s.tryStart()) {
            Duration every = session.intervals().image();
            s.waiter = ThreadPools.scheduled("sync-takeover");
            s.waiter.scheduleWithFixedDelay(s::retry, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
        return s;
    }

    private synchronized boolean tryStart() throws LibraryException {
        try {
            SyncService started = session.sync();
            service = started;
            if (begun) {
                started.startBackground();
            }
            return true;
        } catch (LibraryException e) {
            if (e.kind() != LibraryException.Kind.LOCKED) {
                throw e;
            }
            LOG.info("Showing the library without refreshing it: {}", e.getMessage());
            return false;
        }
    }

    private void retry() {
        try {
            // Looks at the lock first: building a sync service (and its thread pool) every interval only to be refused
            // is waste.
            if (service == null && SyncService.lockFree(session.ledger()) && tryStart()) {
                LOG.info("The other AIGC Desk let go of the library; this window refreshes and archives it now");
                waiter.shutdown();
                onActive.forEach(Runnable::run);
            }
        } catch (LibraryException | RuntimeException e) {
            LOG.warn("Could not take over refreshing the library; trying again", e);
        }
    }

    /** Starts polling and archiving (at once, or as soon as this window takes the lock over). Once is enough. */
    public synchronized void begin() {
        if (begun) {
            return;
        }
        begun = true;
        try {
            // Every desktop of a team keeps its files and the team's store in step, refreshing or not.
            session.teamShelf().ifPresent(TeamShelf::start);
        } catch (LibraryException e) {
            LOG.warn("The team's files are not kept in step on this desktop: {}", e.getMessage());
        }
        try {
            session.pictureLooks().start();
        } catch (LibraryException e) {
            LOG.warn("Saved pictures are not looked at in this session: {}", e.getMessage());
        }
        SyncService s = service;
        if (s != null) {
            s.startBackground();
        }
    }

    /** True while this window refreshes and archives the library. */
    public boolean active() {
        return service != null;
    }

    public Optional<SyncService> service() {
        return Optional.ofNullable(service);
    }

    /** Asks now: new tasks were added, or the user asked for a refresh. */
    public void wake() {
        SyncService s = service;
        if (s != null) {
            s.wake();
        }
    }

    /** Called (on a background thread) once this window takes over from another. */
    public void onActive(Runnable listener) {
        onActive.add(listener);
    }

    /** Stops waiting for the lock; the session closes the sync service itself. */
    @Override
    public void close() {
        if (waiter != null) {
            waiter.shutdownNow();
        }
    }
}
