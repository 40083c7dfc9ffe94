package dev.aigcdesk.pacing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place the app makes its thread pools: every thread named for its job (what a thread dump
 * and a log line show) and a daemon, so no pool can keep the app alive after its window closed.
 */
public final class ThreadPools {

    private ThreadPools() {}

    /** {@code threads} workers, named "{@code name}-1", "{@code name}-2", ... */
    public static ExecutorService fixed(String name, int threads) {
        return Executors.newFixedThreadPool(threads, named(name, true));
    }

    /** One thread that runs scheduled work, named {@code name}. */
    public static ScheduledExecutorService scheduled(String name) {
        return Executors.newSingleThreadScheduledExecutor(named(name, false));
    }

    private static ThreadFactory named(String name, boolean numbered) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, numbered ? name + "-" + n.incrementAndGet() : name);
            t.setDaemon(true);
            return t;
        };
    }
}
