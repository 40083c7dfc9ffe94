package dev.aigcdesk;

import dev.aigcdesk.api.ApiSettings;
import dev.aigcdesk.api.HttpClients;
import dev.aigcdesk.api.QueryClient;
import dev.aigcdesk.api.RateLimiter;
import dev.aigcdesk.api.TaskJson;
import dev.aigcdesk.cli.GlobalOptions;
import dev.aigcdesk.cli.Session;
import dev.aigcdesk.cli.SessionFactory;
import dev.aigcdesk.config.ApiKeyStore;
import dev.aigcdesk.config.AppInfo;
import dev.aigcdesk.config.AppPaths;
import dev.aigcdesk.config.ConnectionOptions;
import dev.aigcdesk.config.Settings;
import dev.aigcdesk.config.SettingsStore;
import dev.aigcdesk.demo.DemoCatalog;
import dev.aigcdesk.demo.DemoEpoch;
import dev.aigcdesk.demo.DemoServer;
import dev.aigcdesk.download.Downloader;
import dev.aigcdesk.download.provenance.ProvenanceWriter;
import dev.aigcdesk.library.Ledger;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.sync.Archiver;
import dev.aigcdesk.sync.PollSchedule;
import dev.aigcdesk.sync.Poller;
import dev.aigcdesk.sync.SyncEvents;
import dev.aigcdesk.sync.SyncService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;

/** The composition root: the one place where the app's objects are built and connected. */
public final class Wiring implements SessionFactory {

    /** Queries in flight at once; the shared rate limiter paces them further. */
    static final int POLL_CONCURRENCY = 8;

    private final Map<String, String> env;
    private final Clock clock;
    private final AppInfo info = AppInfo.load();

    public Wiring(Map<String, String> env, Clock clock) {
        this.env = Map.copyOf(env);
        this.clock = clock;
    }

    public AppInfo info() {
        return info;
    }

    @Override
    public Session open(GlobalOptions options) throws IOException {
        AppPaths paths = AppPaths.resolve(options.home(), env);
        Settings settings = new SettingsStore(paths.config()).load();
        DemoServer demo = null;
        ConnectionOptions connection;
        Path archive;
        if (options.demo()) {
            paths = paths.forDemo();
            demo = new DemoServer(DemoCatalog.standard(), clock).startPreferring(DemoEpoch.PREFERRED_PORT, DemoEpoch.load(paths.data(), clock.instant()));
            connection = new ConnectionOptions(demo.baseUrl(), null, ConnectionOptions.KeySource.NONE);
            archive = paths.archive();
        } else {
            connection = ConnectionOptions.resolve(options.apiBase(), options.apiKey(), env, settings.apiBase(), keyStore(paths).load().orElse(null));
            archive = settings.archiveFolder() != null ? settings.archiveFolder() : paths.archive();
        }
        ApiSettings api = ApiSettings.defaults(connection.baseUrl(), connection.apiKey(), info.version()).withProxy(proxyOf(settings));
        OkHttpClient http = HttpClients.create(api);
        QueryClient client = new QueryClient(api, http, new RateLimiter(api.requestsPerSecond()));
        return new WiredSession(connection, paths, archive, client, new Downloader(http), new TaskJson(), http, demo, clock,
                info.name() + " " + info.version(), settings);
    }

    /** Where the saved key lives. {@code AIGC_DESK_KEYCHAIN=off} skips the OS keychain (tests, headless servers). */
    public ApiKeyStore keyStore(AppPaths paths) {
        return new ApiKeyStore(paths.config(), !"off".equalsIgnoreCase(env.getOrDefault("AIGC_DESK_KEYCHAIN", "")));
    }

    private static java.net.Proxy proxyOf(Settings s) {
        return switch (s.proxyMode()) {
            case NONE -> java.net.Proxy.NO_PROXY;
            case MANUAL -> s.proxyHost() == null || s.proxyPort() <= 0 ? null
                    : new java.net.Proxy(java.net.Proxy.Type.HTTP, java.net.InetSocketAddress.createUnresolved(s.proxyHost(), s.proxyPort()));
            case SYSTEM -> null;
        };
    }

    private static final class WiredSession implements Session {
        private final ConnectionOptions connection;
        private final AppPaths paths;
        private final Path archive;
        private final QueryClient client;
        private final Downloader downloader;
        private final TaskJson json;
        private final OkHttpClient http;
        private final DemoServer demo;
        private final Clock clock;
        private final String creatorTool;
        private final Settings settings;
        private final SyncEvents events = new SyncEvents();
        private Ledger ledger;
        private SyncService sync;
        private ExecutorService workers;

        WiredSession(ConnectionOptions connection, AppPaths paths, Path archive, QueryClient client, Downloader downloader, TaskJson json,
                     OkHttpClient http, DemoServer demo, Clock clock, String creatorTool, Settings settings) {
            this.connection = connection;
            this.paths = paths;
            this.archive = archive;
            this.client = client;
            this.downloader = downloader;
            this.json = json;
            this.http = http;
            this.demo = demo;
            this.clock = clock;
            this.creatorTool = creatorTool;
            this.settings = settings;
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
        public QueryClient queryClient() {
            return client;
        }

        @Override
        public Downloader downloader() {
            return downloader;
        }

        @Override
        public TaskJson json() {
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
        public synchronized Ledger ledger() throws LibraryException {
            if (ledger == null) {
                ledger = Ledger.open(paths.data().resolve(Ledger.FILE_NAME));
            }
            return ledger;
        }

        @Override
        public synchronized SyncService sync() throws LibraryException {
            if (sync == null) {
                AtomicInteger n = new AtomicInteger();
                workers = Executors.newFixedThreadPool(POLL_CONCURRENCY, r -> {
                    Thread t = new Thread(r, "poll-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
                // Settings' refresh interval paces images; videos, which take minutes, are asked about less often.
                java.time.Duration image = settings.refreshInterval();
                java.time.Duration video = image.multipliedBy(3).compareTo(java.time.Duration.ofSeconds(10)) > 0 ? image.multipliedBy(3)
                        : java.time.Duration.ofSeconds(10);
                PollSchedule.Intervals intervals = new PollSchedule.Intervals(image, video, PollSchedule.Intervals.DEFAULT.maxQuiet(),
                        PollSchedule.Intervals.DEFAULT.maxBackoff());
                Poller poller = new Poller(client, ledger(), events, new PollSchedule(intervals), clock, workers);
                Archiver archiver = new Archiver(ledger(), downloader, new ProvenanceWriter(), json, archive, events, clock, creatorTool);
                sync = SyncService.start(poller, archiver, ledger(), clock);
                sync.setAutoArchive(settings.autoArchive());
            }
            return sync;
        }

        @Override
        public synchronized void close() {
            if (sync != null) {
                sync.close();
            }
            if (workers != null) {
                workers.shutdownNow();
            }
            if (ledger != null) {
                ledger.close();
            }
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
            if (demo != null) {
                demo.close();
            }
        }
    }
}
