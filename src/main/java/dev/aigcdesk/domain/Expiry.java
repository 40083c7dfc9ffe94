package dev.aigcdesk.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** How urgent it is to save a file before the service deletes it. */
public record Expiry(Instant expiresAt, Duration left) {

    public enum Urgency {
        EXPIRED,
        CRITICAL,
        SOON,
        SAFE
    }

    /** A file whose link dies within this is at risk: amber, counted in "At risk", and worth a notification. */
    public static final Duration AT_RISK = Duration.ofHours(24);
    /** Within this, red. */
    public static final Duration CRITICAL = Duration.ofHours(2);

    /** Links that die before this moment are at risk now. */
    public static Instant atRiskBefore(Clock clock) {
        return clock.instant().plus(AT_RISK);
    }

    /** Not expired yet, but within {@link #AT_RISK}. */
    public boolean atRisk() {
        return !isExpired() && left.compareTo(AT_RISK) < 0;
    }

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
        if (left.compareTo(CRITICAL) < 0) {
            return Urgency.CRITICAL;
        }
        if (left.compareTo(AT_RISK) < 0) {
            return Urgency.SOON;
        }
        return Urgency.SAFE;
    }
}
