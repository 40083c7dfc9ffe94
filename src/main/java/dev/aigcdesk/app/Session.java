package dev.aigcdesk.app;

import dev.aigcdesk.api.QueryClient;
import dev.aigcdesk.api.TaskJson;
import dev.aigcdesk.config.AppPaths;
import dev.aigcdesk.config.ConnectionOptions;
import dev.aigcdesk.config.Settings;
import dev.aigcdesk.download.Downloader;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.LibraryRescue;
import dev.aigcdesk.store.Store;
import dev.aigcdesk.store.ThumbnailStore;
import dev.aigcdesk.sync.PictureLooks;
import dev.aigcdesk.sync.PollSchedule;
import dev.aigcdesk.sync.SyncEvents;
import dev.aigcdesk.sync.SyncService;
import dev.aigcdesk.sync.TeamShelf;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

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
    Library ledger() throws LibraryException;

    /** Connecting this desktop to a team library, or back to its own. */
    TeamSetup team();

    /** Whether this session works on a team's library rather than the desktop's own. */
    boolean onTeam();

    /** In a team library with a shared store: what keeps this desktop's files and the store in step. */
    Optional<TeamShelf> teamShelf() throws LibraryException;

    /** Where the library lives, as a person would look for it. */
    String libraryLocation();

    /** Whether there is a library yet (a first run has none). */
    boolean libraryExists();

    /** Opens the library on its own, reads a page, and closes it: a damaged library fails here with {@code CORRUPT}. */
    void probeLibrary() throws LibraryException;

    /** A damaged library's way back, from its engine's adapter (repair). Closes this session's library first. */
    LibraryRescue rescue();

    /** Polling and archiving for this library; fails when another process already does it. */
    SyncService sync() throws LibraryException;

    /** Finds pictures by look in this session's library (its looks read into memory on first use). */
    LookFinder lookFinder() throws LibraryException;

    /** Takes the look of each saved picture: as it is saved, and in the background for those saved before. */
    PictureLooks pictureLooks() throws LibraryException;

    SyncEvents events();

    /** Starts generations (paid work) into this library. */
    Generator generator();

    Path archiveFolder();

    /** Where the window keeps tile-size thumbnails between runs (the cache folder). */
    ThumbnailStore thumbnails();

    /** Where saved outputs live (the archive folder, as the store port sees it). */
    Store store();

    boolean isDemo();

    /** What the user saved in Settings (defaults where nothing was saved). */
    Settings settings();

    /** How often this session asks the service (from Settings' refresh interval). */
    PollSchedule.Intervals intervals();

    @Override
    void close();
}
