package dev.aigcdesk.api;

import java.time.Duration;
import java.util.Optional;

public final class RateLimitedException extends ApiException {

    private final Duration retryAfter;

    public RateLimitedException(String message, ErrorDetails details, Duration retryAfter) {
        super(message, details, null);
        this.retryAfter = retryAfter;
    }

    /** The server's {@code Retry-After}, when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }

    @Override
    protected String defaultCode() {
        return "RequestLimitExceeded";
    }
}
