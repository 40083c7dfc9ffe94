package dev.aigcdesk.ui.common;

import dev.aigcdesk.download.SaveCopy;
import dev.aigcdesk.library.Ledger;
import dev.aigcdesk.sync.SyncEvents;
import dev.aigcdesk.sync.SyncService;
import dev.aigcdesk.system.DesktopActions;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The services the window works through. It never does network, database or file work itself:
 * it asks these, off the JavaFX thread, and observes {@link #events()}.
 *
 * @param sync null when another process already refreshes this library (the window then only shows it)
 */
public record Desk(Ledger ledger, SyncService sync, SyncEvents events, SaveCopy saveCopy, DesktopActions desktop, Clock clock,
                   Path archiveFolder, boolean demo, boolean hasKey) {
}
