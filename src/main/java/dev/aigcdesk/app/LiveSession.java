package dev.aigcdesk.app;

import dev.aigcdesk.api.CreateRequests;
import dev.aigcdesk.api.QueryClient;
import dev.aigcdesk.api.ServiceHttp;
import dev.aigcdesk.api.TaskJson;
import dev.aigcdesk.config.AppPaths;
import dev.aigcdesk.config.ConnectionOptions;
import dev.aigcdesk.config.Settings;
import dev.aigcdesk.demo.DemoServer;
import dev.aigcdesk.download.Downloader;
import dev.aigcdesk.download.provenance.ProvenanceWriter;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.LibraryRescue;
import dev.aigcdesk.library.LocalCopies;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.postgres.PostgresLibrary;
import dev.aigcdesk.library.postgres.TeamRescue;
import dev.aigcdesk.library.sqlite.SqliteLibrary;
import dev.aigcdesk.library.sqlite.SqliteRescue;
import dev.aigcdesk.pacing.ThreadPools;
import dev.aigcdesk.store.HashStore;
import dev.aigcdesk.store.Store;
import dev.aigcdesk.store.ThumbnailStore;
import dev.aigcdesk.store.folder.FolderStore;
import dev.aigcdesk.store.folder.ThumbnailFolder;
import dev.aigcdesk.sync.Archiver;
import dev.aigcdesk.sync.PictureLooks;
import dev.aigcdesk.sync.PollSchedule;
import dev.aigcdesk.sync.Poller;
import dev.aigcdesk.sync.SyncEvents;
import dev.aigcdesk.sync.SyncService;
import dev.aigcdesk.sync.TeamCache;
import dev.aigcdesk.sync.TeamOutbox;
import dev.aigcdesk.sync.TeamShelf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/** A session wired from real parts; the library and the sync service open on first use. */
final class LiveSession implements Session {

    /** Queries in flight at once; the shared rate limiter paces them further. */
    private static final int POLL_CONCURRENCY = 8;

    private final ConnectionOptions connection;
    private final AppPaths paths;
    private final Path archive;
    private final ServiceHttp http;
    private final DemoServer demo;
    private final Clock clock;
    private final String creatorTool;
    private final Settings settings;
    private final Downloader.Limits downloadLimits;
    private final SyncEvents events = new SyncEvents();
    private Generator generator;
    private QueryClient client;
    private Downloader downloader;
    private TaskJson json;
    private Library ledger;
    private SyncService sync;
    private ExecutorService workers;
    private final TeamSetup team;
    /** The team library this session works on, or null for the local one. */
    private final TeamSetup.Team joined;

    private TeamShelf shelf;
    private TeamOutbox outbox;
    private LookFinder lookFinder;
    private PictureLooks pictureLooks;
    private Library.SyncLock outboxLock;
    private HashStore teamStore;

    /** The HTTP clients and the JSON writer are made on first use: the window's first frame needs none of them. */
    LiveSession(
            ConnectionOptions connection,
            AppPaths paths,
            Path archive,
            ServiceHttp http,
            DemoServer demo,
            Clock clock,
            String creatorTool,
            Settings settings,
            Downloader.Limits downloadLimits,
            TeamSetup team,
            TeamSetup.Team joined) {
        this.connection = connection;
        this.paths = paths;
        this.archive = archive;
        this.http = http;
        this.demo = demo;
        this.clock = clock;
        this.creatorTool = creatorTool;
        this.settings = settings;
        this.downloadLimits = downloadLimits;
        this.team = team;
        this.joined = joined;
    }

    @Override
    public TeamSetup team() {
        return team;
    }

    @Override
    public boolean onTeam() {
        return joined != null;
    }

    @Override
    public synchronized Generator generator() {
        if (generator == null) {
            generator = new Generator(http::createClient, this::ledger, new CreateRequests(), clock);
        }
        return generator;
    }

    @Override
    public ConnectionOptions connection() {
        return connection;
    }

    @Override
    public AppPaths paths() {
        return paths;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public synchronized QueryClient queryClient() {
        if (client == null) {
            client = http.queryClient();
        }
        return client;
    }

    @Override
    public synchronized Downloader downloader() {
        if (downloader == null) {
            downloader = new Downloader(http::client, downloadLimits);
        }
        return downloader;
    }

    @Override
    public synchronized TaskJson json() {
        if (json == null) {
            json = new TaskJson();
        }
        return json;
    }

    @Override
    public SyncEvents events() {
        return events;
    }

    @Override
    public Path archiveFolder() {
        return archive;
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public boolean isDemo() {
        return demo != null;
    }

    @Override
    public synchronized Library ledger() throws LibraryException {
        if (ledger == null) {
            ledger = open();
        }
        return ledger;
    }

    private Library open() throws LibraryException {
        return joined != null
                ? PostgresLibrary.open(joined.database(), joined.desktop(), teamCopies())
                : SqliteLibrary.open(libraryFile());
    }

    /** Where this desktop finds the team's files: as saved here, else in its copy of the team's store. */
    private LocalCopies teamCopies() {
        return joined.store() == null
                ? LocalCopies.AS_SAVED
                : new TeamCopies(paths.cache().resolve("team-files"));
    }

    @Override
    public synchronized Optional<TeamShelf> teamShelf() throws LibraryException {
        if (shelf == null && joined != null && joined.store() != null) {
            try {
                teamStore = TeamSetup.openStore(joined, paths.cache());
            } catch (IOException e) {
                throw new LibraryException(LibraryException.Kind.UNREACHABLE, e.getMessage(), e);
            }
            TeamCache cache =
                    new TeamCache(paths.cache().resolve("team-files"), thumbnailFolder(), joined.copiesBytes());
            shelf = new TeamShelf(ledger(), teamStore, cache, events, clock);
        }
        return Optional.ofNullable(shelf);
    }

    private Path libraryFile() {
        return localLibraryFile(paths);
    }

    static Path localLibraryFile(AppPaths paths) {
        return paths.data().resolve(SqliteLibrary.FILE_NAME);
    }

    @Override
    public ThumbnailStore thumbnails() {
        return new ThumbnailFolder(thumbnailFolder());
    }

    private Path thumbnailFolder() {
        return paths.cache().resolve("thumbnails");
    }

    @Override
    public Store store() {
        return new FolderStore(archive);
    }

    @Override
    public String libraryLocation() {
        return joined != null ? joined.database().shown() : libraryFile().toString();
    }

    @Override
    public boolean libraryExists() {
        return joined != null || Files.exists(libraryFile());
    }

    @Override
    public void probeLibrary() throws LibraryException {
        try (Library probe = open()) {
            probe.count(TaskQuery.ALL);
            probe.list(TaskQuery.ALL.page(0, 1));
        }
    }

    @Override
    public synchronized LibraryRescue rescue() {
        if (ledger != null) {
            ledger.close();
            ledger = null;
        }
        return joined != null
                ? new TeamRescue(joined.database(), joined.desktop(), teamCopies())
                : new SqliteRescue(libraryFile(), clock);
    }

    @Override
    public synchronized SyncService sync() throws LibraryException {
        if (sync == null) {
            workers = ThreadPools.fixed("poll", POLL_CONCURRENCY);
            try {
                sync = joined == null
                        ? SyncService.start(poller(ledger()), archiver(ledger()), ledger(), clock)
                        : teamSync();
            } catch (LibraryException refused) {
                workers.shutdownNow();
                workers = null;
                throw refused;
            }
            sync.setAutoArchive(settings.autoArchive());
        }
        return sync;
    }

    /**
     * On a team, this desktop keeps its share of the work in an outbox of its own: with the team's database away,
     * it goes on from there (also when the database could not be reached at all, if the outbox holds tasks).
     */
    private SyncService teamSync() throws LibraryException {
        if (outbox == null) {
            outbox = new TeamOutbox(SqliteLibrary.open(outboxFile()), events);
        }
        Library outboxLedger = outbox.ledger();
        SyncService.Outage outage = new SyncService.Outage(outbox, poller(outboxLedger), archiver(outboxLedger));
        Library team;
        try {
            team = ledger();
        } catch (LibraryException e) {
            if (e.kind() != LibraryException.Kind.UNREACHABLE || outbox.size() == 0) {
                throw e;
            }
            return SyncService.away(outage, clock, e.getMessage());
        }
        // One process of this desktop keeps the outbox; a second one (a sync beside the window) works without it.
        outboxLock = outboxLedger.tryLockSync().orElse(null);
        return SyncService.start(poller(team), archiver(team), team, clock, outboxLock == null ? null : outage);
    }

    /** One outbox per team this desktop joined, so a second team never receives the first one's work. */
    private Path outboxFile() {
        String team = UUID.nameUUIDFromBytes(joined.database().shown().getBytes(StandardCharsets.UTF_8))
                .toString();
        return paths.data().resolve("team-outbox").resolve(team).resolve(SqliteLibrary.FILE_NAME);
    }

    private Poller poller(Library l) {
        return new Poller(queryClient(), l, events, new PollSchedule(intervals()), clock, workers);
    }

    private Archiver archiver(Library l) {
        return new Archiver(l, downloader(), new ProvenanceWriter(), json(), store(), events, clock, creatorTool);
    }

    @Override
    public synchronized LookFinder lookFinder() throws LibraryException {
        if (lookFinder == null) {
            lookFinder = new LookFinder(ledger(), pictureLooks());
        }
        return lookFinder;
    }

    @Override
    public synchronized PictureLooks pictureLooks() throws LibraryException {
        if (pictureLooks == null) {
            pictureLooks = new PictureLooks(ledger(), events);
        }
        return pictureLooks;
    }

    @Override
    public PollSchedule.Intervals intervals() {
        return PollSchedule.Intervals.forRefresh(settings.refreshInterval());
    }

    @Override
    public synchronized void close() {
        if (pictureLooks != null) {
            pictureLooks.close();
        }
        if (lookFinder != null) {
            lookFinder.close();
        }
        if (shelf != null) {
            shelf.close();
        }
        if (teamStore != null) {
            teamStore.close();
        }
        if (sync != null) {
            sync.close();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
        if (outboxLock != null) {
            outboxLock.close();
        }
        if (outbox != null) {
            outbox.close();
        }
        if (ledger != null) {
            ledger.close();
        }
        http.close();
        if (demo != null) {
            demo.close();
        }
    }
}
