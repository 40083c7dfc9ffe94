package dev.aigcdesk.sync;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When to ask about each running task next: about 3 s for images and 10 s for videos, stretching
 * while a task does not move, and backing off after errors.
 */
public final class PollSchedule {

    /**
     * The one poll-interval policy.
     *
     * @param offlineRetry after a pass that found the service unreachable, the next asks about everything this much later
     * @param pastWindow   how often a task past the service's 3-day window is still asked about in the background
     */
    public record Intervals(
            Duration image,
            Duration video,
            Duration maxQuiet,
            Duration maxBackoff,
            Duration offlineRetry,
            Duration pastWindow) {
        public static final Intervals DEFAULT = forRefresh(Duration.ofSeconds(3));

        /** Settings' refresh interval paces images; videos, which take minutes, are asked about a third as often (10 s at least). */
        public static Intervals forRefresh(Duration image) {
            Duration video = image.multipliedBy(3).compareTo(Duration.ofSeconds(10)) > 0
                    ? image.multipliedBy(3)
                    : Duration.ofSeconds(10);
            return new Intervals(
                    image,
                    video,
                    Duration.ofMinutes(2),
                    Duration.ofMinutes(5),
                    Duration.ofSeconds(20),
                    Duration.ofHours(1));
        }
    }

    private record Slot(Instant due, int quiet, int errors) {}

    private final Intervals intervals;
    private final Map<TaskId, Slot> slots = new ConcurrentHashMap<>();

    public PollSchedule(Intervals intervals) {
        this.intervals = intervals;
    }

    public Intervals intervals() {
        return intervals;
    }

    public boolean isDue(TaskId id, Instant now) {
        Slot s = slots.get(id);
        return s == null || !now.isBefore(s.due);
    }

    /** After an answer: soon again if it moved, a little later each time it did not. */
    public void answered(TaskId id, TaskKind kind, boolean moved, Instant now) {
        answered(id, kind, moved, false, now);
    }

    /** As {@link #answered(TaskId, TaskKind, boolean, Instant)}; a task past the service's window waits {@code pastWindow} at least. */
    public void answered(TaskId id, TaskKind kind, boolean moved, boolean pastWindow, Instant now) {
        Slot prev = slots.get(id);
        int quiet = moved || prev == null ? 0 : prev.quiet + 1;
        Duration base = kind == TaskKind.VIDEO ? intervals.video() : intervals.image();
        Duration next = scale(base, Math.pow(1.5, Math.min(quiet, 12)), intervals.maxQuiet());
        if (pastWindow && next.compareTo(intervals.pastWindow()) < 0) {
            next = intervals.pastWindow();
        }
        slots.put(id, new Slot(now.plus(next), quiet, 0));
    }

    /** After a failed query: doubling pauses, up to the cap. */
    public void failed(TaskId id, TaskKind kind, Instant now) {
        failed(id, kind, false, now);
    }

    public void failed(TaskId id, TaskKind kind, boolean pastWindow, Instant now) {
        Slot prev = slots.get(id);
        int errors = prev == null ? 1 : prev.errors + 1;
        Duration base = kind == TaskKind.VIDEO ? intervals.video() : intervals.image();
        Duration next = scale(base, Math.pow(2, Math.min(errors, 12)), intervals.maxBackoff());
        if (pastWindow && next.compareTo(intervals.pastWindow()) < 0) {
            next = intervals.pastWindow();
        }
        slots.put(id, new Slot(now.plus(next), prev == null ? 0 : prev.quiet, errors));
    }

    public void forget(TaskId id) {
        slots.remove(id);
    }

    /** The earliest moment any known task is due, if any. */
    public Optional<Instant> nextDue() {
        return slots.values().stream().map(Slot::due).min(Instant::compareTo);
    }

    public Optional<Instant> dueAt(TaskId id) {
        return Optional.ofNullable(slots.get(id)).map(Slot::due);
    }

    private static Duration scale(Duration base, double factor, Duration cap) {
        long ms = (long) Math.min(base.toMillis() * factor, cap.toMillis());
        return Duration.ofMillis(ms);
    }
}
