package dev.aigcdesk.sync;

import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.pacing.ThreadPools;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the poller and the archiver for one library, holding the library's sync lock so no other
 * process does the same. In the background it sleeps until the next task is due, and not at all
 * while nothing runs and nothing waits to be saved, until {@link #wake()} is called.
 */
public final class SyncService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    private static final Duration MAX_NAP = Duration.ofSeconds(30);

    private final Poller poller;
    private final Archiver archiver;
    private final Library ledger;
    private final Clock clock;
    private final Library.SyncLock lock;
    private final Duration offlineRetry;
    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition wakeUp = mutex.newCondition();
    private boolean woken;
    private volatile boolean autoArchive = true;
    private ScheduledExecutorService loop;

    private SyncService(
            Poller poller,
            Archiver archiver,
            Library ledger,
            Clock clock,
            Library.SyncLock lock,
            Duration offlineRetry) {
        this.offlineRetry = offlineRetry;
        this.poller = poller;
        this.archiver = archiver;
        this.ledger = ledger;
        this.clock = clock;
        this.lock = lock;
    }

    /** Whether no one (no other process, no other session here) holds the library's sync lock now: a cheap look before building a sync service. */
    public static boolean lockFree(Library ledger) throws LibraryException {
        Optional<Library.SyncLock> probe = ledger.tryLockSync();
        probe.ifPresent(Library.SyncLock::close);
        return probe.isPresent();
    }

    /** Takes the library's sync lock, or explains who holds it. */
    public static SyncService start(Poller poller, Archiver archiver, Library ledger, Clock clock)
            throws LibraryException {
        Optional<Library.SyncLock> lock = ledger.tryLockSync();
        if (lock.isEmpty()) {
            String holder = ledger.syncLockHolder();
            throw new LibraryException(
                    LibraryException.Kind.LOCKED,
                    ledger.sharedAs().isPresent()
                            ? (holder == null ? "Another desktop" : holder + "'s desktop")
                                    + " is already refreshing and archiving this team library (one does it for the team)."
                                    + " It keeps doing so; when it closes, another open desktop takes over."
                            : "Another AIGC Desk (process " + holder
                                    + ") is already refreshing and archiving this library. It keeps doing so; close it to run sync here.",
                    null);
        }
        return new SyncService(
                poller, archiver, ledger, clock, lock.get(), poller.intervals().offlineRetry());
    }

    public void setAutoArchive(boolean on) {
        this.autoArchive = on;
        wake();
    }

    /** One pass: refresh (every active task when forced, else those due), then save what finished. */
    public SyncReport runOnce(boolean force) throws LibraryException, InterruptedException {
        PollReport poll = poller.poll(force);
        ArchiveReport archive = force || autoArchive ? archiver.archivePending(force) : ArchiveReport.NOTHING;
        return new SyncReport(
                poll,
                archive,
                ledger.activeTasks().size(),
                ledger.filesToArchive().size());
    }

    /** Runs passes in the background until closed. */
    public synchronized void startBackground() {
        if (loop != null) {
            return;
        }
        loop = ThreadPools.scheduled("sync-loop");
        loop.execute(this::backgroundLoop);
    }

    /** Ends a nap early: new tasks were added, or the user asked for a refresh. */
    public void wake() {
        mutex.lock();
        try {
            woken = true;
            wakeUp.signalAll();
        } finally {
            mutex.unlock();
        }
    }

    private void backgroundLoop() {
        boolean forceNext = true;
        boolean measured = false;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                SyncReport report = runOnce(forceNext);
                if (!measured) {
                    // Once a session, after the first pass: pictures saved by older versions get their shapes for the
                    // gallery.
                    measured = true;
                    archiver.measureSavedPictures(500);
                }
                boolean offline = report.poll().offline();
                nap(report);
                mutex.lock();
                try {
                    forceNext = woken || offline;
                    woken = false;
                } finally {
                    mutex.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (LibraryException | RuntimeException e) {
                LOG.error("A sync pass failed; trying again shortly", e);
                sleepQuietly(Duration.ofSeconds(5));
            }
        }
    }

    private void nap(SyncReport report) throws InterruptedException, LibraryException {
        Instant now = clock.instant();
        Duration wait;
        if (report.poll().offline()) {
            wait = offlineRetry; // the banner says "retrying in 20 s"; keep that true
        } else if (report.stillActive() == 0 && report.stillPending() == 0) {
            wait = null; // idle: nothing runs, nothing to save
        } else {
            Instant next = poller.nextDue().orElse(now.plus(MAX_NAP));
            wait = Duration.between(now, next);
            if (report.stillPending() > 0 && !report.archive().isBlocked()) {
                wait = min(wait, Duration.ofSeconds(5));
            }
            wait = min(wait, MAX_NAP);
            if (wait.isNegative()) {
                wait = Duration.ZERO;
            }
        }
        mutex.lock();
        try {
            if (woken) {
                return;
            }
            if (wait == null) {
                wakeUp.await();
            } else if (!wait.isZero()) {
                wakeUp.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.shutdownNow();
            try {
                loop.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loop = null;
        }
        lock.close();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
