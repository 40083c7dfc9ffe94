package dev.aigcdesk.pacing;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces requests evenly at a fixed rate, shared by every caller in the process. Each caller
 * reserves the next free slot under a lock and waits outside it.
 */
public final class RateLimiter {

    /** DescribeTaskDetail's documented limit. */
    public static final double SERVICE_MAX_PER_SECOND = 100;

    public static final double DEFAULT_PER_SECOND = 20;

    private final long baseIntervalNanos;
    private long intervalNanos;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private long nextFree;
    private boolean started;

    public RateLimiter(double perSecond) {
        this(perSecond, System::nanoTime, Sleeper.REAL);
    }

    public RateLimiter(double perSecond, LongSupplier nanoClock, Sleeper sleeper) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("The request rate must be above 0 per second");
        }
        double rate = Math.min(perSecond, SERVICE_MAX_PER_SECOND);
        this.baseIntervalNanos = (long) (1_000_000_000L / rate);
        this.intervalNanos = baseIntervalNanos;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    public synchronized double permitsPerSecond() {
        return 1_000_000_000.0 / intervalNanos;
    }

    /**
     * Takes 1/{@code ways} of the rate: when that many processes share one account's work (a team library),
     * together they stay within the rate one would have.
     */
    public synchronized void share(int ways) {
        intervalNanos = baseIntervalNanos * Math.max(1, ways);
    }

    /** Blocks until this caller may send one request. */
    public void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            if (!started || nextFree - now < 0) {
                nextFree = now;
                started = true;
            }
            wait = nextFree - now;
            nextFree += intervalNanos;
        }
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }
}
