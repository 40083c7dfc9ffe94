package dev.aigcdesk.sync;

import dev.aigcdesk.api.ApiException;
import dev.aigcdesk.api.AuthenticationFailedException;
import dev.aigcdesk.api.NetworkErrorException;
import dev.aigcdesk.api.QueryClient;
import dev.aigcdesk.api.QueryResult;
import dev.aigcdesk.api.TaskNotFoundException;
import dev.aigcdesk.domain.Reach;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.TaskRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes running tasks: asks the service, records each answer as one transaction, and
 * publishes what changed. Only the service's word puts a task out of reach (three "not found"
 * answers in a row); past its 3-day window a task is merely asked about less often.
 */
public final class Poller {

    /** Tencent answers queries only for tasks submitted in the last 3 days. */
    public static final Duration QUERY_WINDOW = Duration.ofDays(3);
    /** "Not found" this many times in a row, and the task is given up on (but kept). */
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

    private final QueryClient client;
    private final Library ledger;
    private final SyncEvents events;
    private final PollSchedule schedule;
    private final Clock clock;
    private final ExecutorService workers;

    public Poller(
            QueryClient client,
            Library ledger,
            SyncEvents events,
            PollSchedule schedule,
            Clock clock,
            ExecutorService workers) {
        this.client = client;
        this.ledger = ledger;
        this.events = events;
        this.schedule = schedule;
        this.clock = clock;
        this.workers = workers;
    }

    /** One round over the active tasks that are due (every active task when {@code force}). */
    public PollReport poll(boolean force) throws LibraryException, InterruptedException {
        return poll(force, ledger.activeTasks());
    }

    /** One round over those of {@code active} that are due (all of them when {@code force}): this process's share. */
    public PollReport poll(boolean force, List<TaskRecord> active) throws LibraryException, InterruptedException {
        Instant now = clock.instant();
        List<TaskRecord> due = new ArrayList<>();
        for (TaskRecord r : active) {
            if (force || schedule.isDue(r.id(), now)) {
                due.add(r);
            }
        }
        if (due.isEmpty()) {
            return PollReport.NOTHING;
        }
        List<TaskId> refused = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean offline = new AtomicBoolean();
        AtomicInteger changed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        // Every due task is asked, whatever another one's answer: a refusal for one is no reason to leave the rest.
        for (TaskRecord r : due) {
            futures.add(workers.submit(() -> {
                refresh(r, pastWindow(r, now), refused, offline, changed, failed);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                failed.incrementAndGet();
                LOG.error("Refreshing a task failed unexpectedly", e.getCause());
            }
        }
        if (failed.get() < due.size()) {
            events.publish(new SyncEvent.Refreshed(clock.instant()));
        }
        return new PollReport(due.size(), changed.get(), failed.get(), refused, offline.get());
    }

    private void refresh(
            TaskRecord r,
            boolean pastWindow,
            List<TaskId> refused,
            AtomicBoolean offline,
            AtomicInteger changed,
            AtomicInteger failed)
            throws LibraryException, InterruptedException {
        TaskId id = r.id();
        try {
            QueryResult result = client.query(id);
            Library.Change change = ledger.recordAnswer(result.task(), result.rawJson(), clock.instant());
            schedule.answered(id, result.task().kind(), change.progressChanged(), pastWindow, clock.instant());
            if (change.progressChanged()) {
                changed.incrementAndGet();
                events.publish(new SyncEvent.TaskChanged(change.before(), change.after()));
            }
            if (!change.after().task().state().isActive()) {
                schedule.forget(id);
            }
        } catch (ApiException e) {
            failed.incrementAndGet();
            boolean notFound = e instanceof TaskNotFoundException;
            int notFoundCount =
                    ledger.recordQueryError(id, Problems.of(e, client.host()).encode(), notFound, clock.instant());
            schedule.failed(id, r.task().kind(), pastWindow, clock.instant());
            if (e instanceof AuthenticationFailedException) {
                refused.add(id);
            }
            if (e instanceof NetworkErrorException) {
                offline.set(true);
            }
            LOG.info("Refreshing {} failed: {} {}", id, e.code(), e.details().describe());
            events.publish(new SyncEvent.QueryFailed(
                    id,
                    e.code(),
                    e.getMessage(),
                    e instanceof AuthenticationFailedException,
                    e instanceof NetworkErrorException));
            Optional<Reach> settled = notFound ? Reach.afterNotFound(notFoundCount, r.wasAnswered()) : Optional.empty();
            if (settled.isPresent()) {
                Reach reach = settled.get();
                ledger.setReach(
                        id,
                        reach,
                        reach == Reach.OUT_OF_REACH
                                ? "The service no longer answers for this task; what was recorded is kept."
                                : "The service does not know this task id.");
                schedule.forget(id);
                events.publish(new SyncEvent.ReachChanged(id, reach));
            }
        }
    }

    /** Past the service's 3-day window: still asked while it answers, but in the background only now and then. */
    private static boolean pastWindow(TaskRecord r, Instant now) {
        Instant created = r.task().times().created();
        return created != null && created.plus(QUERY_WINDOW).isBefore(now);
    }

    /** This process asks at 1/{@code ways} of the rate, when that many share the library's work. */
    public void shareRate(int ways) {
        client.shareRate(ways);
    }

    public PollSchedule.Intervals intervals() {
        return schedule.intervals();
    }

    /** When the next round has work, if any task is active. */
    public Optional<Instant> nextDue() {
        return schedule.nextDue();
    }
}
