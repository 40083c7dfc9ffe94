package dev.aigcdesk.app;

import dev.aigcdesk.api.QueryClient;
import dev.aigcdesk.api.TaskJson;
import dev.aigcdesk.config.AppPaths;
import dev.aigcdesk.config.ConnectionOptions;
import dev.aigcdesk.download.Downloader;
import dev.aigcdesk.library.Ledger;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.sync.SyncEvents;
import dev.aigcdesk.sync.SyncService;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The services one run of the app works with. The library and the sync service open on first
 * use; closing the session closes whatever was opened and stops the demo service.
 */
public interface Session extends AutoCloseable {

    ConnectionOptions connection();

    AppPaths paths();

    Clock clock();

    QueryClient queryClient();

    Downloader downloader();

    TaskJson json();

    /** The ledger, opened (and migrated) on first use. */
    Ledger ledger() throws LibraryException;

    /** Polling and archiving for this library; fails when another process already does it. */
    SyncService sync() throws LibraryException;

    SyncEvents events();

    /** Starts generations (paid work) into this library. */
    Generator generator();

    Path archiveFolder();

    boolean isDemo();

    /** What the user saved in Settings (defaults where nothing was saved). */
    dev.aigcdesk.config.Settings settings();

    /** How often this session asks the service (from Settings' refresh interval). */
    dev.aigcdesk.sync.PollSchedule.Intervals intervals();

    @Override
    void close();
}
