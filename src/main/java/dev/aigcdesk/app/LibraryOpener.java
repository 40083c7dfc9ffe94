package dev.aigcdesk.app;

import dev.aigcdesk.demo.DemoCatalog;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.sync.LibraryRepair;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens sessions for the window, off the JavaFX thread: the library, the tasks to add, and the
 * background sync. Only one session of the window's is open at a time: {@link #open} closes the
 * previous one first, so its sync lock is released before the next one asks for it.
 */
public final class LibraryOpener {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryOpener.class);

    private final SessionFactory sessions;

    public LibraryOpener(SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Closes {@code previous} (if any) completely, then opens a session for {@code options} and starts its sync. */
    public OpenLibrary open(OpenLibrary previous, SessionOptions options, List<TaskId> add) throws Exception {
        if (previous != null) {
            previous.close();
        }
        Session s = sessions.open(options);
        try {
            Library ledger;
            try {
                ledger = s.ledger();
            } catch (LibraryException e) {
                if (e.kind() != LibraryException.Kind.CORRUPT) {
                    throw e;
                }
                LOG.warn("The library is damaged: {}", e.getMessage());
                return new OpenLibrary(s, null, null, e); // the window asks whether to rebuild it
            }
            return start(s, ledger, add);
        } catch (Exception e) {
            s.close();
            throw e;
        }
    }

    /** Keeps the damaged library aside, rebuilds it from what it saved, and starts on the rebuilt one. */
    public OpenLibrary rebuild(OpenLibrary damaged, List<TaskId> add) throws Exception {
        Session s = damaged.session();
        try {
            LibraryRepair.Result r = new LibraryRepair(s.clock()).rebuild(s.rescue(), s.store());
            // Ids left without their row are in the library now, and the window's sync asks the service about them at
            // its own pace.
            LOG.info(
                    "Rebuilt the library: {} of {} tasks, {} from saved answers, {} from the archive, {} files, {} for sync to ask; the damaged one is at {}",
                    r.tasks(),
                    r.found(),
                    r.fromAnswers(),
                    r.fromArchive(),
                    r.files(),
                    r.unasked().size(),
                    r.keptAside());
            return start(s, s.ledger(), add);
        } catch (Exception e) {
            s.close();
            throw e;
        }
    }

    private static OpenLibrary start(Session s, Library ledger, List<TaskId> add) throws LibraryException {
        List<TaskId> toAdd = new ArrayList<>(add);
        if (s.isDemo()) {
            toAdd.addAll(DemoCatalog.standard().answeredIds());
        }
        if (!toAdd.isEmpty()) {
            ledger.add(toAdd, s.clock().instant());
        }
        return new OpenLibrary(s, ledger, LibrarySync.start(s), null);
    }
}
