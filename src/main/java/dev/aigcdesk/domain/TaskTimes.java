package dev.aigcdesk.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When a task was created, began processing and finished. Any may be null. */
public record TaskTimes(Instant created, Instant began, Instant finished) {

    public static final TaskTimes NONE = new TaskTimes(null, null, null);

    public Optional<Duration> queued() {
        return between(created, began);
    }

    public Optional<Duration> took() {
        return between(began != null ? began : created, finished);
    }

    private static Optional<Duration> between(Instant a, Instant b) {
        if (a == null || b == null || b.isBefore(a)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(a, b));
    }
}
