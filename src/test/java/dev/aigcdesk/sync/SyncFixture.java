package dev.aigcdesk.sync;

import dev.aigcdesk.api.ApiSettings;
import dev.aigcdesk.api.HttpClients;
import dev.aigcdesk.api.QueryClient;
import dev.aigcdesk.api.SavedAnswer;
import dev.aigcdesk.api.TaskJson;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.download.Downloader;
import dev.aigcdesk.download.provenance.ProvenanceWriter;
import dev.aigcdesk.library.sqlite.SqliteLibrary;
import dev.aigcdesk.pacing.RateLimiter;
import dev.aigcdesk.pacing.RetryPolicy;
import dev.aigcdesk.store.folder.FolderStore;
import dev.aigcdesk.testing.Fixtures;
import dev.aigcdesk.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;

/** A ledger, a poller and an archiver wired against a MockWebServer, with a clock the test moves. */
final class SyncFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2026-05-20T12:00:00Z");
    /** The task of the fixtures' single-PNG answer, and where its file is served. */
    static final TaskId PNG_TASK = TaskId.parse("1397741205-AigcImageTask-96a3be3cf272e017046d1b2674a52bd3t");

    static final String PNG_PATH = "/1a168d62vodcq251000800/067289275145403719288413905/aigcImageGenFile.png";

    private final String serverBase;

    final MutableClock clock = new MutableClock(START);
    final SyncEvents events = new SyncEvents();
    final List<SyncEvent> seen = Collections.synchronizedList(new ArrayList<>());
    final SqliteLibrary ledger;
    final Poller poller;
    final Archiver archiver;
    final Path archive;
    final ExecutorService workers;
    final PollSchedule schedule;

    SyncFixture(MockWebServer server, Path dir, int concurrency) throws Exception {
        this(server, dir, concurrency, PollSchedule.Intervals.DEFAULT);
    }

    SyncFixture(MockWebServer server, Path dir, int concurrency, PollSchedule.Intervals intervals) throws Exception {
        serverBase = server.url("/").toString();
        schedule = new PollSchedule(intervals);
        events.subscribe(seen::add);
        ledger = SqliteLibrary.open(dir.resolve("data/library.db"));
        archive = dir.resolve("archive");
        ApiSettings settings = new ApiSettings(
                server.url("/"), "sk-test", Duration.ofSeconds(3), Duration.ofSeconds(3), "AIGC-Desk/test", 100);
        OkHttpClient http = HttpClients.create(settings);
        RetryPolicy fast = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(2));
        QueryClient client =
                new QueryClient(settings, http, new RateLimiter(100), fast, d -> {}, RandomGenerator.getDefault());
        workers = Executors.newFixedThreadPool(concurrency);
        poller = new Poller(client, ledger, events, schedule, clock, workers);
        archiver = new Archiver(
                ledger,
                new Downloader(http, fast, d -> {}, RandomGenerator.getDefault()),
                new ProvenanceWriter(),
                new TaskJson(),
                new FolderStore(archive),
                events,
                clock,
                "AIGC Desk test");
    }

    /** Records a fixture answer whose file URLs point at the mock server. */
    void recordFinished(String fixture, TaskId id) throws Exception {
        String raw = Fixtures.read(fixture)
                .replace("http://251000800.vod2.myqcloud.com/", serverBase)
                .replace("https://1397741205.vod2.myqcloud.com/", serverBase);
        ledger.recordAnswer(SavedAnswer.parse(id, raw), raw, clock.instant());
    }

    <T extends SyncEvent> List<T> events(Class<T> type) {
        synchronized (seen) {
            return seen.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        ledger.close();
    }
}
