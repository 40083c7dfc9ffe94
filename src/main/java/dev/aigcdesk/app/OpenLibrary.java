package dev.aigcdesk.app;

import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryException;

/**
 * A session made ready for the window.
 *
 * @param ledger  null when the library is damaged (see {@code damage})
 * @param sync    who refreshes the library (this window, or another until it closes); null while it is damaged
 * @param damage  why the library could not be opened, when the user may rebuild it; else null
 */
public record OpenLibrary(Session session, Library ledger, LibrarySync sync, LibraryException damage) {

    public boolean damaged() {
        return damage != null;
    }

    /** Closes the session, and stops waiting for the library's lock. */
    public void close() {
        if (sync != null) {
            sync.close();
        }
        session.close();
    }
}
