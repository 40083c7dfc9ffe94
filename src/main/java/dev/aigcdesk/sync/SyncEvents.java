package dev.aigcdesk.sync;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where sync events are published. Listeners are called on the publishing thread and must hand off UI work themselves. */
public final class SyncEvents {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEvents.class);
    private final List<Consumer<SyncEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<SyncEvent>> progressListeners = new CopyOnWriteArrayList<>();

    /** Subscribes to every event but download progress; close the returned handle to stop listening (views do so when they go away). */
    public AutoCloseable subscribe(Consumer<SyncEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Subscribes to download progress, which comes a few times a second per file. */
    public AutoCloseable subscribeProgress(Consumer<SyncEvent.DownloadProgress> listener) {
        Consumer<SyncEvent> l = e -> listener.accept((SyncEvent.DownloadProgress) e);
        progressListeners.add(l);
        return () -> progressListeners.remove(l);
    }

    /** Whether anyone listens to progress: when nobody does, it is not even built. */
    public boolean wantsProgress() {
        return !progressListeners.isEmpty();
    }

    public void publish(SyncEvent event) {
        for (Consumer<SyncEvent> l : event instanceof SyncEvent.DownloadProgress ? progressListeners : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A sync listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }
}
