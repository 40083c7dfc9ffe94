package dev.aigcdesk.pacing;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Bounded retries with exponential backoff and jitter. A server's {@code Retry-After} wins over the
 * computed delay, up to a cap, so a confused server cannot park the app for hours.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The pause before attempt {@code attempt + 1}, after {@code attempt} failed attempts (1-based). */
    public Duration delayAfter(int attempt, Duration retryAfter, RandomGenerator random) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
        }
        long exp = baseDelay.toMillis() << Math.min(20, attempt - 1);
        long capped = Math.min(exp, maxDelay.toMillis());
        // "equal jitter": half fixed, half random, so concurrent clients spread out but never retry at once.
        long half = capped / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }
}
