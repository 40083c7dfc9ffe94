package dev.aigcdesk.bench;

import com.sun.net.httpserver.HttpServer;
import dev.aigcdesk.api.ApiSettings;
import dev.aigcdesk.api.HttpClients;
import dev.aigcdesk.api.QueryClient;
import dev.aigcdesk.api.SavedAnswer;
import dev.aigcdesk.api.TaskJson;
import dev.aigcdesk.demo.DemoAnswers;
import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.OutputConfig;
import dev.aigcdesk.domain.OutputFile;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.domain.TaskTimes;
import dev.aigcdesk.download.Downloader;
import dev.aigcdesk.download.provenance.ProvenanceWriter;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryFilter;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.sqlite.SqliteLibrary;
import dev.aigcdesk.pacing.RateLimiter;
import dev.aigcdesk.store.folder.FolderStore;
import dev.aigcdesk.sync.Archiver;
import dev.aigcdesk.sync.PollReport;
import dev.aigcdesk.sync.PollSchedule;
import dev.aigcdesk.sync.Poller;
import dev.aigcdesk.sync.SyncEvents;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The performance figures of issue 3, measured in one run so that ratios compare like with like:
 * search with the FTS index against the same search with LIKE, opening the library, a sync of
 * 1,000 running tasks against its theoretical floor, and heap use while archiving a 200 MB file.
 * Run with {@code mvn -B -Pbench -DskipTests verify}; it forks a JVM with a 256 MB heap.
 */
public final class Bench {

    private static final int TASKS = Integer.getInteger("bench.tasks", 100_000);
    private static final int QUERIES = 300;
    private static final Instant NOW = Instant.parse("2026-05-20T12:00:00Z");

    private static final String[] WORDS =
            ("portrait landscape poster isometric icon watercolor cinematic product studio lighting neon cyberpunk "
                            + "minimalist vintage retro futuristic ceramic marble glass forest mountain ocean city night sunrise golden hour drone macro "
                            + "texture gradient pastel vibrant moody dramatic soft shadow reflection panda fox cat dog dragon robot astronaut car bicycle "
                            + "teapot vase lamp chair kitchen coffee ramen sushi flower garden lighthouse castle bridge tower street market festival "
                            + "snow rain fog storm desert river lake island temple village skyline interior architecture fashion jewelry sneaker perfume "
                            + "bottle packaging logo typography illustration anime pixel voxel clay origami paper collage oil acrylic charcoal ink sketch "
                            + "photorealistic hyperdetailed bokeh wide angle telephoto symmetry pattern mosaic stained neonlit bioluminescent ethereal")
                    .split(" ");
    private static final String[] CHINESE = {
        "水墨风格", "山间小屋", "清晨薄雾", "赛博朋克", "国潮插画", "电影级光影", "极简海报", "中国风", "古风建筑", "江南水乡"
    };

    /** Subjects: a long tail of distinct words, as real prompts name specific things. */
    private static final String[] SUBJECTS = subjects(4000);

    private Bench() {}

    private static String[] subjects(int n) {
        String[] syllables = {
            "ka", "lo", "mi", "ren", "to", "va", "shi", "no", "qu", "ber", "zan", "el", "dor", "pi", "sa", "tu", "gre",
            "han"
        };
        Random r = new Random(99);
        Set<String> out = new LinkedHashSet<>();
        while (out.size() < n) {
            out.add(syllables[r.nextInt(syllables.length)]
                    + syllables[r.nextInt(syllables.length)]
                    + syllables[r.nextInt(syllables.length)]);
        }
        return out.toArray(String[]::new);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("aigc-desk-bench");
        System.out.printf(
                "AIGC Desk benchmark · %d tasks · %d cores · max heap %d MB · %s%n",
                TASKS,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                dir);
        // The library lives where the app looks for it under AIGC_DESK_HOME, so the start-up bench can open it.
        Path home = dir.resolve("home-100k");
        Path db = home.resolve("data").resolve(SqliteLibrary.FILE_NAME);
        Files.createDirectories(db.getParent());
        buildLedger(db, home.resolve("archive").resolve("bench"));
        searchBench(db);
        openBench(db);
        syncBench(dir.resolve("sync"));
        archiveMemoryBench(dir.resolve("archive"));
        new StartupBench(dir, home).run();
        // The loopback servers' pools are not daemons; the figures are printed, so end here.
        System.out.flush();
        System.exit(0);
    }

    // ---- building ----------------------------------------------------------------------------

    /**
     * A library as a designer's would be after months: every task answered in the raw-wire style (the
     * service's real answer, null slots and all) and its output archived (200 distinct small PNGs).
     */
    static void buildLedger(Path db, Path archive) throws Exception {
        Random rnd = new Random(42);
        long t0 = System.nanoTime();
        Files.createDirectories(archive);
        List<Path> pngs = new ArrayList<>();
        List<String> shas = new ArrayList<>();
        // The shapes designers ask for (1:1, 16:9, 9:16, 4:3, 3:4): the gallery lays them out in justified rows.
        int[][] shapes = {{256, 256}, {256, 144}, {144, 256}, {256, 192}, {192, 256}};
        List<int[]> sizes = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            int[] size = shapes[k % shapes.length];
            sizes.add(size);
            BufferedImage img = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(rnd.nextInt()), size[0], size[1], new Color(rnd.nextInt())));
            g.fillRect(0, 0, size[0], size[1]);
            g.dispose();
            Path png = archive.resolve("bench-" + k + ".png");
            ImageIO.write(img, "png", png.toFile());
            pngs.add(png);
            shas.add(HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(png))));
        }
        List<Library.Pixels> pixels = new ArrayList<>();
        try (Library ledger = SqliteLibrary.open(db)) {
            for (int i = 0; i < TASKS; i++) {
                TaskId id = TaskId.parse(String.format("1397741205-AigcImageTask-%032xt", i));
                String raw = DemoAnswers.finishedImage(
                        id,
                        prompt(rnd),
                        rnd.nextBoolean() ? "GEM" : "Kling",
                        NOW.minusSeconds(i),
                        "http://cdn.example/files/");
                GenerationTask t = SavedAnswer.parse(id, raw);
                ledger.add(List.of(id), NOW.minusSeconds(TASKS - i));
                ledger.recordAnswer(t, raw, NOW);
                int k = i % pngs.size();
                ledger.planArchive(id, 1, pngs.get(k), Files.size(pngs.get(k)), shas.get(k), shas.get(k), Set.of());
                ledger.markArchived(id, 1, NOW);
                pixels.add(new Library.Pixels(id, 1, sizes.get(k)[0], sizes.get(k)[1]));
            }
            ledger.recordPixels(pixels);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        long bytes = Files.size(db);
        System.out.printf(
                "%nBuilt a library of %,d answered and archived tasks in %.1f s; file %d MB = %.2f KB per task, FTS index included"
                        + " (target <= 4 KB; raw answers deflated)%n",
                TASKS, (System.nanoTime() - t0) / 1e9, bytes / (1024 * 1024), bytes / 1024.0 / TASKS);
    }

    private static String prompt(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int subjects = 2 + rnd.nextInt(5);
        for (int i = 0; i < subjects; i++) {
            sb.append(i > 0 ? " " : "").append(SUBJECTS[rnd.nextInt(SUBJECTS.length)]);
        }
        int styles = 4 + rnd.nextInt(9);
        for (int i = 0; i < styles; i++) {
            sb.append(", ").append(zipf(rnd));
        }
        if (rnd.nextInt(5) == 0) {
            sb.append("，").append(CHINESE[rnd.nextInt(CHINESE.length)]);
        }
        return sb.toString();
    }

    /** Words drawn with a long tail, as in real prompts: a few very common, most rare. */
    private static String zipf(Random rnd) {
        double u = rnd.nextDouble();
        int i = (int) Math.floor(Math.pow(WORDS.length, u)) - 1;
        return WORDS[Math.max(0, Math.min(WORDS.length - 1, i))];
    }

    // ---- search ------------------------------------------------------------------------------

    /** The searches of the bench: subjects, common words, both, and Chinese, in the same order each run. */
    static List<String> queries() {
        Random rnd = new Random(7);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            String q = switch (i % 10) {
                case 9 -> CHINESE[rnd.nextInt(CHINESE.length)];
                case 7, 8 -> WORDS[rnd.nextInt(WORDS.length)];
                case 6 -> SUBJECTS[rnd.nextInt(SUBJECTS.length)] + " " + WORDS[rnd.nextInt(WORDS.length)];
                default -> SUBJECTS[rnd.nextInt(SUBJECTS.length)];
            };
            queries.add(q);
        }
        return queries;
    }

    private static void searchBench(Path db) throws Exception {
        List<String> queries = queries();
        try (Library ledger = SqliteLibrary.open(db);
                Connection plain = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            for (String q : queries.subList(0, 20)) {
                sqlSearch(plain, q, true);
                sqlSearch(plain, q, false);
            }
            long[] fts = new long[QUERIES];
            long[] like = new long[QUERIES];
            long[] app = new long[QUERIES];
            long mismatches = 0;
            for (int i = 0; i < QUERIES; i++) {
                String q = queries.get(i);
                long t = System.nanoTime();
                long a = sqlSearch(plain, q, true);
                fts[i] = System.nanoTime() - t;
                t = System.nanoTime();
                long b = sqlSearch(plain, q, false);
                like[i] = System.nanoTime() - t;
                mismatches += a == b ? 0 : 1;
                t = System.nanoTime();
                ledger.list(TaskQuery.of(LibraryFilter.NONE.withText(q)).page(0, 200));
                ledger.count(TaskQuery.of(LibraryFilter.NONE.withText(q)));
                app[i] = System.nanoTime() - t;
            }
            System.out.printf(
                    "%nPrompt search, %d queries (first page of 200 by date + total count), same SQL but for the match, same run:%n",
                    QUERIES);
            System.out.printf("  FTS5 trigram MATCH   : p50 %6.2f ms  p95 %6.2f ms%n", pct(fts, 50), pct(fts, 95));
            System.out.printf("  LIKE scan (baseline) : p50 %6.2f ms  p95 %6.2f ms%n", pct(like, 50), pct(like, 95));
            System.out.printf(
                    "  LIKE / FTS           : p50 %.1fx  p95 %.1fx%n",
                    pct(like, 50) / pct(fts, 50), pct(like, 95) / pct(fts, 95));
            System.out.printf(
                    "  the app's search (Library.list page + count, with files): p50 %6.2f ms  p95 %6.2f ms (target p95 <= 50 ms)%n",
                    pct(app, 50), pct(app, 95));
            System.out.printf("  total counts differ between FTS and LIKE in %d of %d queries%n", mismatches, QUERIES);
        }
    }

    /** The first 200 matches by date and the total count; returns the count. FTS terms shorter than 3 characters fall back to LIKE, as in the app. */
    private static long sqlSearch(Connection c, String q, boolean fts) throws Exception {
        List<String> terms =
                Arrays.stream(q.split("\\s+")).filter(s -> !s.isBlank()).toList();
        StringBuilder where = new StringBuilder("1 = 1");
        List<String> params = new ArrayList<>();
        List<String> matchTerms = new ArrayList<>();
        for (String t : terms) {
            if (fts && t.codePointCount(0, t.length()) >= 3) {
                matchTerms.add("\"" + t + "\"");
            } else {
                where.append(" AND (prompt LIKE ? OR negative_prompt LIKE ? OR model_name LIKE ? OR id LIKE ?)");
                for (int k = 0; k < 4; k++) {
                    params.add("%" + t + "%");
                }
            }
        }
        if (!matchTerms.isEmpty()) {
            where.append(" AND rowid IN (SELECT rowid FROM task_fts WHERE task_fts MATCH ?)");
            params.add(String.join(" AND ", matchTerms));
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, prompt, model_name, state FROM task WHERE " + where
                + " ORDER BY added_at DESC LIMIT 200")) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM task WHERE " + where)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ---- opening -----------------------------------------------------------------------------

    private static void openBench(Path db) throws Exception {
        long[] times = new long[7];
        for (int i = 0; i < times.length; i++) {
            long t = System.nanoTime();
            try (Library ledger = SqliteLibrary.open(db)) {
                ledger.list(TaskQuery.ALL.page(0, 200));
                ledger.count(TaskQuery.ALL);
            }
            times[i] = System.nanoTime() - t;
        }
        System.out.printf(
                "%nOpen the ledger and load the first 200 rows (+ total count), %d runs: median %.1f ms, worst %.1f ms%n",
                times.length, pct(times, 50), pct(times, 100));
    }

    // ---- sync --------------------------------------------------------------------------------

    private static void syncBench(Path dir) throws Exception {
        try (Library ledger = SqliteLibrary.open(dir.resolve("library.db"))) {
            sync(ledger, "");
        }
    }

    /** A sync of 1,000 running tasks into {@code ledger} against a loopback service; prints it and returns seconds / floor. */
    static double sync(Library ledger, String engine) throws Exception {
        return sync(List.of(ledger), engine);
    }

    /**
     * 1,000 running tasks refreshed once by {@code desktops} sharing the work (each its leased share, at its share
     * of the rate), against the floor: the latency spread over every desktop's connections, or the rate limit,
     * which holds for all of them together.
     */
    static double sync(List<? extends Library> desktops, String engine) throws Exception {
        int n = 1000;
        int latencyMs = 20;
        int concurrency = 8;
        double rate = 100;
        int k = desktops.size();
        String fixtureId = "1397741205-AigcVideoTask-0a8005f5594bd67041f88c6196192646t";
        String body = new String(
                Bench.class
                        .getResourceAsStream("/fixtures/video_processing.json")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        AtomicInteger asked = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/", ex -> {
            try {
                Thread.sleep(latencyMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            asked.incrementAndGet();
            String path = ex.getRequestURI().getPath();
            byte[] b = body.replace(fixtureId, path.substring(path.lastIndexOf('/') + 1))
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        server.start();
        List<ExecutorService> pools = new ArrayList<>();
        try {
            List<TaskId> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(TaskId.parse(String.format("1397741205-AigcVideoTask-%032xt", i)));
            }
            desktops.get(0).add(ids, NOW);
            ApiSettings settings = ApiSettings.defaults(
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/", "k", "bench");
            // Two rounds of claims: in the first each sees the ones before it; in the second the shares settle.
            Duration lease = Duration.ofSeconds(30);
            List<Library.Work> shares = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                shares.clear();
                for (Library d : desktops) {
                    shares.add(d.claimWork(lease));
                }
            }
            List<Callable<PollReport>> passes = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                Library d = desktops.get(i);
                Library.Work share = shares.get(i);
                OkHttpClient http = HttpClients.create(settings)
                        .newBuilder()
                        .dispatcher(new Dispatcher())
                        .connectionPool(new ConnectionPool(concurrency, 1, TimeUnit.MINUTES))
                        .build();
                ExecutorService workers = Executors.newFixedThreadPool(concurrency);
                pools.add(workers);
                Poller poller = new Poller(
                        new QueryClient(settings, http, new RateLimiter(rate)),
                        d,
                        new SyncEvents(),
                        new PollSchedule(PollSchedule.Intervals.DEFAULT),
                        Clock.systemUTC(),
                        workers);
                poller.shareRate(share.refreshers());
                passes.add(() -> poller.poll(true, share.active()));
            }
            ExecutorService together = Executors.newFixedThreadPool(k);
            pools.add(together);
            long t = System.nanoTime();
            int answered = 0;
            int failed = 0;
            for (var f : together.invokeAll(passes)) {
                answered += f.get().asked();
                failed += f.get().failed();
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            double floor = Math.max(n * latencyMs / 1000.0 / concurrency / k, n / rate);
            System.out.printf(
                    "%nSync%s of %d running tasks, %d ms latency, concurrency %d per desktop, rate limit %.0f/s for all: %.2f s;"
                            + " floor max(N*lat/(conc*desktops), N/rate) = %.2f s; ratio %.2fx (target <= 1.2x);"
                            + " %d asked of the service (each task once: %s), %d failed; shares %s%n",
                    engine,
                    n,
                    latencyMs,
                    concurrency,
                    rate,
                    seconds,
                    floor,
                    seconds / floor,
                    asked.get(),
                    asked.get() == n && answered == n,
                    failed,
                    shares.stream().map(w -> String.valueOf(w.active().size())).toList());
            return seconds / floor;
        } finally {
            pools.forEach(ExecutorService::shutdownNow);
            server.stop(0);
        }
    }

    // ---- memory while archiving -------------------------------------------------------------

    private static void archiveMemoryBench(Path dir) throws Exception {
        long size = 200L * 1024 * 1024;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(200, size);
            byte[] chunk = new byte[64 * 1024];
            new Random(1).nextBytes(chunk);
            try (OutputStream o = ex.getResponseBody()) {
                for (long sent = 0; sent < size; sent += chunk.length) {
                    o.write(chunk, 0, (int) Math.min(chunk.length, size - sent));
                }
            }
        });
        server.start();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (Library ledger = SqliteLibrary.open(dir.resolve("library.db"))) {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/big/aigcVideoGenFile.mp4";
            TaskId id = TaskId.parse("1397741205-AigcVideoTask-00000000000000000000000000000001t");
            GenerationTask t = new GenerationTask(
                    id,
                    TaskKind.VIDEO,
                    TaskState.SUCCEEDED,
                    100,
                    "a long drone flight",
                    null,
                    null,
                    "Kling",
                    "2.5",
                    null,
                    null,
                    null,
                    OutputConfig.EMPTY,
                    List.of(),
                    new TaskTimes(Instant.now(), Instant.now(), Instant.now()),
                    "r",
                    null,
                    List.of(new OutputFile(
                            url,
                            Instant.now().plus(Duration.ofDays(7)),
                            "Temporary",
                            "mp4",
                            size,
                            null,
                            null,
                            null,
                            null,
                            null)));
            ledger.recordAnswer(t, "{}", Instant.now());
            Archiver archiver = new Archiver(
                    ledger,
                    new Downloader(new OkHttpClient()),
                    new ProvenanceWriter(),
                    new TaskJson(),
                    new FolderStore(dir),
                    new SyncEvents(),
                    Clock.systemUTC(),
                    "bench");
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(baseline);
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
            long t0 = System.nanoTime();
            var report = archiver.archivePending(true);
            double seconds = (System.nanoTime() - t0) / 1e9;
            sampler.interrupt();
            sampler.join();
            System.out.printf(
                    "%nArchiving a %d MB file: %.1f s (%d archived); heap before %d MB, peak %d MB, growth %d MB = %.2f of the file size"
                            + " (heap cap %d MB, so the file could never fit in memory)%n",
                    size >> 20,
                    seconds,
                    report.archived(),
                    baseline >> 20,
                    peak.get() >> 20,
                    (peak.get() - baseline) >> 20,
                    (double) (peak.get() - baseline) / size,
                    Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            server.stop(0);
        }
    }

    static double pct(long[] nanos, int p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))] / 1e6;
    }
}
