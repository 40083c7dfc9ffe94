package dev.aigcdesk.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Real time, sped up: lets a minute-long demo run in seconds, with every component on the same clock. */
public final class FastClock extends Clock {

    private final Instant start = Instant.now();
    private final long startNanos = System.nanoTime();
    private final double speed;

    public FastClock(double speed) {
        this.speed = speed;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return start.plusNanos((long) ((System.nanoTime() - startNanos) * speed));
    }
}
