package dev.aigcdesk.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** How urgent it is to save a file before the service deletes it. */
public record Expiry(Instant expiresAt, Duration left) {

    public enum Urgency { EXPIRED, CRITICAL, SOON, SAFE }

    public static Expiry of(Instant expiresAt, Clock clock) {
        return new Expiry(expiresAt, Duration.between(clock.instant(), expiresAt));
    }

    public boolean isExpired() {
        return left.isZero() || left.isNegative();
    }

    /** Red under 2 hours, amber under 24 hours. */
    public Urgency urgency() {
        if (isExpired()) {
            return Urgency.EXPIRED;
        }
        if (left.compareTo(Duration.ofHours(2)) < 0) {
            return Urgency.CRITICAL;
        }
        if (left.compareTo(Duration.ofHours(24)) < 0) {
            return Urgency.SOON;
        }
        return Urgency.SAFE;
    }

    /** "Expires in 2 days", "Expires in 5 hours", "Expired 3 days ago". */
    public String describe() {
        if (isExpired()) {
            return "Expired " + Durations.humanize(left.negated()) + " ago";
        }
        return "Expires in " + Durations.humanize(left);
    }
}
