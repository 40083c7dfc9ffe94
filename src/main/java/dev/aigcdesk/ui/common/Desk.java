package dev.aigcdesk.ui.common;

import dev.aigcdesk.app.OpenLibrary;
import dev.aigcdesk.app.Session;
import dev.aigcdesk.download.SaveCopy;
import dev.aigcdesk.library.Ledger;
import dev.aigcdesk.sync.PollSchedule;
import dev.aigcdesk.sync.SyncEvents;
import dev.aigcdesk.sync.SyncService;
import dev.aigcdesk.system.DesktopActions;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The services the window works through. It never does network, database or file work itself:
 * it asks these, off the JavaFX thread, and observes {@link #events()}.
 *
 * @param sync      null when another process already refreshes this library (the window then only shows it)
 * @param intervals how often the library is refreshed (the offline banner says when the next try is)
 */
public record Desk(Ledger ledger, SyncService sync, SyncEvents events, SaveCopy saveCopy, DesktopActions desktop, Clock clock,
                   Path archiveFolder, boolean demo, boolean hasKey, PollSchedule.Intervals intervals) {

    /** The services of a session opened for the window. */
    public static Desk of(OpenLibrary opened) {
        Session s = opened.session();
        return new Desk(opened.ledger(), opened.sync(), s.events(), new SaveCopy(s.downloader()), new DesktopActions(), s.clock(), s.archiveFolder(),
                s.isDemo(), s.connection().hasKey(), s.intervals());
    }
}
