package dev.aigcdesk.api;

import java.time.Duration;

/**
 * How long a query may take: each call, from sending to the last byte, and the whole query with its
 * retries. A server that drips its answer a byte at a time holds a one-off query no longer than
 * {@code overall}.
 */
public record QueryDeadlines(Duration perCall, Duration overall) {

    public static final QueryDeadlines DEFAULT = new QueryDeadlines(Duration.ofSeconds(30), Duration.ofSeconds(45));

    /** A retry is not started with less than this left: it could not get an answer in time anyway. */
    static final Duration LEAST_USEFUL = Duration.ofMillis(500);

    public QueryDeadlines {
        if (perCall.isNegative() || perCall.isZero() || overall.compareTo(perCall) < 0) {
            throw new IllegalArgumentException(
                    "A query needs a positive per-call deadline no longer than its overall one");
        }
    }
}
