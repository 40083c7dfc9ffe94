package dev.aigcdesk.app;

import dev.aigcdesk.library.Ledger;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.sync.SyncService;

/**
 * A session made ready for the window.
 *
 * @param ledger  null when the library is damaged (see {@code damage})
 * @param sync    null when another process refreshes this library, or while it is damaged
 * @param damage  why the library could not be opened, when the user may rebuild it; else null
 */
public record OpenLibrary(Session session, Ledger ledger, SyncService sync, LibraryException damage) {

    public boolean damaged() {
        return damage != null;
    }
}
