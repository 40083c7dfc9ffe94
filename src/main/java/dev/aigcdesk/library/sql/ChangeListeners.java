package dev.aigcdesk.library.sql;

import dev.aigcdesk.library.LibraryEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Who listens to a library's changes; one that fails does not stop the others, nor the write that was kept. */
final class ChangeListeners {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeListeners.class);

    private final List<Consumer<LibraryEvent>> listeners = new CopyOnWriteArrayList<>();

    AutoCloseable add(Consumer<LibraryEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void tell(LibraryEvent e) {
        for (Consumer<LibraryEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException failed) {
                LOG.warn("A library listener failed on {}", e.kind(), failed);
            }
        }
    }
}
