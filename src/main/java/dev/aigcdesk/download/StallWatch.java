package dev.aigcdesk.download;

import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Tells a stalled transfer from a slow one, as curl's {@code --speed-limit}/{@code --speed-time} do: a
 * transfer that delivers less than a floor, averaged over a window, is stalled. A read timeout cannot
 * see a server that drips a byte at a time, since every read gets one.
 */
final class StallWatch {

    /** The transfer fell under the floor for a whole window. */
    static final class Stalled extends IOException {
        private final long bytes;
        private final Duration window;

        Stalled(long bytes, Duration window) {
            super("stalled: " + bytes + " bytes in " + window.toSeconds() + " s");
            this.bytes = bytes;
            this.window = window;
        }

        long bytes() {
            return bytes;
        }

        Duration window() {
            return window;
        }
    }

    private final long floorBytes;
    private final long windowNanos;
    private final Duration window;
    private final LongSupplier nanos;
    private long windowStart;
    private long inWindow;

    /** @param floorPerSecond bytes per second below which, over a whole {@code window}, the transfer is stalled */
    StallWatch(long floorPerSecond, Duration window, LongSupplier nanos) {
        this.window = window;
        this.windowNanos = window.toNanos();
        this.floorBytes = Math.max(1, floorPerSecond * window.toMillis() / 1000);
        this.nanos = nanos;
        this.windowStart = nanos.getAsLong();
    }

    /** Counts bytes as they arrive; throws once a whole window has passed with fewer than the floor. */
    void delivered(long bytes) throws Stalled {
        inWindow += bytes;
        long now = nanos.getAsLong();
        if (now - windowStart < windowNanos) {
            return;
        }
        if (inWindow < floorBytes) {
            throw new Stalled(inWindow, window);
        }
        windowStart = now;
        inWindow = 0;
    }
}
