package dev.aigcdesk.sync;

import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryEvent;
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
    /** With the team away and nothing to do here, how soon it is asked again (a refused connection costs little). */
    private static final Duration AWAY_RETRY = Duration.ofSeconds(5);

    private final Poller poller;
    private final Archiver archiver;
    private final Library ledger;
    private final Clock clock;
    private final Library.SyncLock lock;
    private final Duration offlineRetry;
    /** On a team: what refreshes and saves on this desktop while the team cannot be reached; else null. */
    private final Outage outage;
    /** True when this service was started with the team away: it only ever works on the outbox. */
    private final boolean awayOnly;

    private volatile Poller lastPoller;
    private volatile String lastAway;
    /** On a shared library: how long this process's share of the work is leased at a time; else null. */
    private final Duration lease;

    private ScheduledExecutorService keeper;

    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition wakeUp = mutex.newCondition();
    private boolean woken;
    private volatile boolean autoArchive = true;
    private ScheduledExecutorService loop;
    private AutoCloseable backAgain;

    private SyncService(
            Poller poller,
            Archiver archiver,
            Library ledger,
            Clock clock,
            Library.SyncLock lock,
            Duration offlineRetry,
            Outage outage,
            boolean awayOnly) {
        this.offlineRetry = offlineRetry;
        this.outage = outage;
        this.awayOnly = awayOnly;
        this.lastPoller = poller;
        this.lease = ledger.sharedAs().isPresent() && !awayOnly ? leaseFor(poller.intervals()) : null;
        if (outage != null && !awayOnly) {
            // The team answering again is worth a pass at once: it hands over what was kept here meanwhile.
            backAgain = ledger.onChange(e -> {
                if (e.kind() == LibraryEvent.Kind.BACK) {
                    wake();
                }
            });
        }
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

    /**
     * On a team: this desktop's outbox, with a poller and an archiver that work on it, for the passes while
     * the team's database cannot be reached.
     */
    public record Outage(TeamOutbox outbox, Poller poller, Archiver archiver) {}

    /** Takes the library's sync lock, or explains who holds it. */
    public static SyncService start(Poller poller, Archiver archiver, Library ledger, Clock clock)
            throws LibraryException {
        return start(poller, archiver, ledger, clock, null);
    }

    /**
     * Only the outbox, for a team whose database could not be reached at all: this desktop goes on with the
     * tasks it kept (under the outbox's own lock, so two processes here do not both).
     */
    public static SyncService away(Outage outage, Clock clock, String why) throws LibraryException {
        SyncService s =
                start(outage.poller(), outage.archiver(), outage.outbox().ledger(), clock, outage, true);
        s.lastAway = why;
        return s;
    }

    /** As {@link #start(Poller, Archiver, Library, Clock)}; with {@code outage}, a team's database going away costs nothing. */
    public static SyncService start(Poller poller, Archiver archiver, Library ledger, Clock clock, Outage outage)
            throws LibraryException {
        return start(poller, archiver, ledger, clock, outage, false);
    }

    private static SyncService start(
            Poller poller, Archiver archiver, Library ledger, Clock clock, Outage outage, boolean awayOnly)
            throws LibraryException {
        Optional<Library.SyncLock> lock = ledger.tryLockSync();
        if (lock.isEmpty()) {
            String holder = ledger.syncLockHolder();
            throw new LibraryException(
                    LibraryException.Kind.LOCKED,
                    "Another AIGC Desk (process " + holder
                            + ") is already refreshing and archiving this library. It keeps doing so; close it to run sync here.",
                    null);
        }
        SyncService s = new SyncService(
                poller, archiver, ledger, clock, lock.get(), poller.intervals().offlineRetry(), outage, awayOnly);
        s.keepLeases();
        return s;
    }

    /** Two refresh intervals (2 s at least): a desktop that dies lets its tasks go within that, for another to take. */
    static Duration leaseFor(PollSchedule.Intervals intervals) {
        Duration twice = intervals.image().multipliedBy(2);
        return twice.compareTo(Duration.ofSeconds(2)) < 0 ? Duration.ofSeconds(2) : twice;
    }

    /** On a shared library, renews this process's leases a few times a lease, whatever a pass is busy with. */
    private void keepLeases() {
        if (lease == null) {
            return;
        }
        keeper = ThreadPools.scheduled("lease-keeper");
        long every = Math.max(200, lease.toMillis() / 3);
        keeper.scheduleWithFixedDelay(
                () -> {
                    try {
                        ledger.renewClaims(lease);
                    } catch (LibraryException | RuntimeException e) {
                        LOG.debug("Could not renew this desktop's share of the work: {}", e.getMessage());
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    public void setAutoArchive(boolean on) {
        this.autoArchive = on;
        wake();
    }

    /** One pass: refresh (every active task when forced, else those due), then save what finished. */
    public SyncReport runOnce(boolean force) throws LibraryException, InterruptedException {
        if (awayOnly) {
            return pass(poller, archiver, ledger, force).away(lastAway);
        }
        try {
            if (outage != null) {
                outage.outbox().handBack(ledger);
            }
            Library.Work work = ledger.claimWork(lease == null ? Duration.ZERO : lease);
            SyncReport report = pass(poller, archiver, ledger, work, force);
            if (outage != null) {
                outage.outbox().keep(ledger, work);
            }
            if (lastAway != null) {
                LOG.info("The team library answers again; what was kept on this desktop meanwhile was handed over");
                lastAway = null;
            }
            lastPoller = poller;
            return report;
        } catch (LibraryException e) {
            if (outage == null || e.kind() != LibraryException.Kind.UNREACHABLE) {
                throw e;
            }
            if (lastAway == null) {
                LOG.warn(
                        "The team library cannot be reached ({}); refreshing the tasks this desktop keeps and saving"
                                + " their files here until it answers",
                        e.getMessage());
            }
            lastAway = e.getMessage();
            outage.outbox().away();
            lastPoller = outage.poller();
            return pass(outage.poller(), outage.archiver(), outage.outbox().ledger(), force)
                    .away(lastAway);
        }
    }

    private SyncReport pass(Poller p, Archiver a, Library l, boolean force)
            throws LibraryException, InterruptedException {
        return pass(p, a, l, l.claimWork(Duration.ZERO), force);
    }

    /** Refreshes and saves {@code work}; what is still left is counted library-wide. */
    private SyncReport pass(Poller p, Archiver a, Library l, Library.Work work, boolean force)
            throws LibraryException, InterruptedException {
        p.shareRate(work.refreshers());
        PollReport poll = p.poll(force, work.active());
        ArchiveReport archive = force || autoArchive
                ? a.archivePending(force, work.filesOf(l.filesToArchive()))
                : ArchiveReport.NOTHING;
        return new SyncReport(
                poll, archive, l.activeTasks().size(), l.filesToArchive().size());
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
                if (!measured && report.teamAway() == null) {
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
        } else if (report.teamAway() != null && report.settled()) {
            wait = AWAY_RETRY; // nothing to do here, but the team is asked again to hand over what was done
        } else if (report.stillActive() == 0 && report.stillPending() == 0) {
            wait = null; // idle: nothing runs, nothing to save
        } else {
            Instant next = lastPoller.nextDue().orElse(now.plus(MAX_NAP));
            wait = Duration.between(now, next);
            if (report.stillPending() > 0 && !report.archive().isBlocked()) {
                wait = min(wait, Duration.ofSeconds(5));
            }
            wait = min(wait, MAX_NAP);
            if (wait.isNegative()) {
                wait = Duration.ZERO;
            }
        }
        if (lease != null) {
            // On a team, never asleep for long: a task another desktop added, or one whose lease lapsed, is taken soon.
            Duration half = lease.dividedBy(2);
            wait = wait == null ? half : min(wait, half);
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
        if (keeper != null) {
            keeper.shutdownNow();
        }
        if (backAgain != null) {
            try {
                backAgain.close();
            } catch (Exception e) {
                LOG.debug("Could not stop listening for the team's return", e);
            }
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
