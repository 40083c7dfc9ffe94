package dev.aigcdesk.ui.common;

/** Who refreshes the library for this window: asked to go now, and watched for when it takes over from another process. */
public interface Refresher {

    /** True while this window refreshes and archives the library (not another process). */
    boolean refreshing();

    /** Asks the service now, if this window refreshes the library. */
    void wake();

    /** Runs {@code r} (on a background thread) when this window takes over refreshing from another. */
    void onTakeover(Runnable r);
}
