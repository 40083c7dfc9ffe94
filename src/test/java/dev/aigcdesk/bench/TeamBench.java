package dev.aigcdesk.bench;

import dev.aigcdesk.config.ApiKeyStore;
import dev.aigcdesk.config.TeamConnection;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryFilter;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.postgres.PostgresLibrary;
import dev.aigcdesk.library.postgres.TeamDatabase;
import dev.aigcdesk.library.sqlite.SqliteLibrary;
import dev.aigcdesk.store.s3.S3HashStore;
import dev.aigcdesk.store.s3.S3Location;
import dev.aigcdesk.sync.LibraryPush;
import dev.aigcdesk.testing.TestPostgres;
import dev.aigcdesk.testing.TestS3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The team library's figures, each against a baseline from the same run: the first page and search on
 * a real PostgreSQL holding 100k (and, with {@code -Dbench.teamMillion=true}, 1M) tasks against the
 * same library on SQLite; a sync of 1,000 running tasks with three desktops open against its floor;
 * uploads into a loopback S3 server against the bare SDK's own put. Run with
 * {@code mvn -B -Pteam-bench -DskipTests verify}.
 */
public final class TeamBench {

    private static final int TASKS = Integer.getInteger("bench.tasks", 100_000);
    private static final int RUNS = 7;

    private TeamBench() {}

    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean("bench.teamSyncOnly")) {
            // The shared sync alone, for a quick look after a change to how the team's work is shared out.
            syncWithThreeDesktops(null);
            System.exit(0);
        }
        Path dir = Files.createTempDirectory("aigc-desk-team-bench");
        System.out.printf(
                "AIGC Desk team benchmark · %d tasks · %d cores · max heap %d MB · %s%n",
                TASKS,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                dir);
        // The local library lives where the app looks for it under a home, so the window can open it too.
        Path localHome = dir.resolve("home-local");
        Path local = localHome.resolve("data").resolve(SqliteLibrary.FILE_NAME);
        Files.createDirectories(local.getParent());
        Bench.buildLedger(local, localHome.resolve("archive").resolve("bench"));
        TeamDatabase team = TestPostgres.shared().newDatabase();
        long t = System.nanoTime();
        try (Library mine = SqliteLibrary.open(local);
                Library shared = PostgresLibrary.open(team, "bench")) {
            LibraryPush.Result r = LibraryPush.run(mine, shared, null, line -> {});
            System.out.printf(
                    "%nteam push of the %,d-task library into PostgreSQL: %.1f s (%,d added)%n",
                    TASKS, (System.nanoTime() - t) / 1e9, r.added());
        }
        compare(local, team, String.format("%,d tasks", TASKS));
        windowStartup(dir, localHome, team);
        if (Boolean.getBoolean("bench.teamMillion")) {
            grow(team, 10);
            compareTeamOnly(team, String.format("%,d tasks", TASKS * 10));
        }
        syncWithThreeDesktops(team);
        uploads(dir.resolve("s3"));
        System.out.flush();
        System.exit(0);
    }

    /** Open + first page, and the app's search, on PostgreSQL against SQLite holding the same tasks. */
    private static void compare(Path local, TeamDatabase team, String what) throws Exception {
        long[] sqliteOpen = new long[RUNS];
        long[] pgOpen = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            sqliteOpen[i] = firstPage(() -> SqliteLibrary.open(local));
            pgOpen[i] = firstPage(() -> PostgresLibrary.open(team, "bench"));
        }
        System.out.printf(
                "%nOpen the library and read its first page of 200 (%s), median of %d alternating runs:%n"
                        + "  SQLite %.1f ms · PostgreSQL %.1f ms = %.2fx (target <= 1.5x)%n",
                what,
                RUNS,
                Bench.pct(sqliteOpen, 50),
                Bench.pct(pgOpen, 50),
                Bench.pct(pgOpen, 50) / Bench.pct(sqliteOpen, 50));
        List<String> queries = Bench.queries();
        try (Library a = SqliteLibrary.open(local);
                Library b = PostgresLibrary.open(team, "bench")) {
            long[][] times = searchTimes(queries, a, b);
            printSearch(queries, times[0], "SQLite (FTS5 trigram)");
            printSearch(queries, times[1], "PostgreSQL (pg_trgm)");
        }
    }

    private static void compareTeamOnly(TeamDatabase team, String what) throws Exception {
        long[] pgOpen = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            pgOpen[i] = firstPage(() -> PostgresLibrary.open(team, "bench"));
        }
        System.out.printf(
                "%nOpen the team library and read its first page of 200 (%s): median %.1f ms%n",
                what, Bench.pct(pgOpen, 50));
        List<String> queries = Bench.queries();
        try (Library b = PostgresLibrary.open(team, "bench")) {
            long[][] times = searchTimes(queries, b);
            printSearch(queries, times[0], "PostgreSQL (pg_trgm), " + what);
        }
    }

    private interface Opener {
        Library open() throws Exception;
    }

    private static long firstPage(Opener opener) throws Exception {
        long t = System.nanoTime();
        try (Library l = opener.open()) {
            l.list(TaskQuery.ALL.page(0, 200));
            l.count(TaskQuery.ALL);
        }
        return System.nanoTime() - t;
    }

    private static long[][] searchTimes(List<String> queries, Library... engines) throws Exception {
        long[][] out = new long[engines.length][queries.size()];
        for (Library l : engines) {
            for (String q : queries.subList(0, 20)) {
                l.list(TaskQuery.of(LibraryFilter.NONE.withText(q)).page(0, 200));
            }
        }
        for (int i = 0; i < queries.size(); i++) {
            for (int e = 0; e < engines.length; e++) {
                long t = System.nanoTime();
                engines[e].list(TaskQuery.of(LibraryFilter.NONE.withText(queries.get(i)))
                        .page(0, 200));
                engines[e].count(TaskQuery.of(LibraryFilter.NONE.withText(queries.get(i))));
                out[e][i] = System.nanoTime() - t;
            }
        }
        return out;
    }

    private static void printSearch(List<String> queries, long[] times, String engine) {
        long[] chinese = new long[queries.size() / 10];
        int k = 0;
        for (int i = 9; i < queries.size() && k < chinese.length; i += 10) {
            chinese[k++] = times[i];
        }
        System.out.printf(
                "  the app's search on %s, %d queries (page of 200 + count): p50 %.1f ms, p95 %.1f ms; Chinese only p95 %.1f ms%n",
                engine,
                queries.size(),
                Bench.pct(times, 50),
                Bench.pct(times, 95),
                Bench.pct(Arrays.copyOf(chinese, k), 95));
    }

    /**
     * The window, JVM start to its first page of rows drawn, on the local library and on the same tasks in
     * the team library, alternating, under Xvfb (the app's own {@code -Daigcdesk.exitWhenShown}).
     */
    private static void windowStartup(Path dir, Path localHome, TeamDatabase team) throws Exception {
        Path jar = Path.of("target", "aigc-desk.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            System.out.printf("%nWindow start-up: skipped (needs %s)%n", jar);
            return;
        }
        Path teamHome = dir.resolve("home-team");
        Path config = Files.createDirectories(teamHome.resolve("config"));
        new TeamConnection(team.shown(), "bench").save(config);
        ApiKeyStore.teamPassword(config, false).save(team.password());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long[] local = new long[5];
        long[] shared = new long[5];
        for (int i = 0; i < 5; i++) {
            local[i] = shownAfter(java, jar, localHome);
            shared[i] = shownAfter(java, jar, teamHome);
        }
        System.out.printf(
                "%nThe window, JVM start to the first page of rows drawn (java -jar, Xvfb), median of 5 alternating runs:%n"
                        + "  local library %d ms · team library %d ms = %.2fx (target <= 1.5x)%n",
                median(local), median(shared), (double) median(shared) / median(local));
    }

    private static long shownAfter(String java, Path jar, Path home) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                        "xvfb-run",
                        "-a",
                        "-s",
                        "-screen 0 1440x900x24",
                        java,
                        "-Daigcdesk.exitWhenShown=true",
                        "-jar",
                        jar.toString(),
                        "--home",
                        home.toString())
                .redirectErrorStream(true);
        pb.environment().put("AIGC_DESK_KEYCHAIN", "off");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        for (String line : out.split("\\R")) {
            if (line.startsWith("shown-after-ms=")) {
                return Long.parseLong(line.substring("shown-after-ms=".length()).strip());
            }
        }
        throw new IllegalStateException("The window did not say when it was shown:\n" + out);
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** Copies every task {@code times - 1} more times under new ids, in SQL (the realistic 100k, ten times over). */
    private static void grow(TeamDatabase team, int times) throws Exception {
        long t = System.nanoTime();
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://" + team.host() + ":" + team.port() + "/" + team.database(),
                        team.user(),
                        team.password());
                Statement s = c.createStatement()) {
            String cols = "kind, state, progress, prompt, negative_prompt, enhance_prompt, model_name, model_version,"
                    + " generation_mode, seed, scene_type, storage_mode, resolution, aspect_ratio, duration_seconds,"
                    + " audio_generation, image_count, output_format, media_name, created_at, began_at, finished_at,"
                    + " request_id, fail_code, fail_ext, fail_message, added_at, refreshed_at, reach, not_found_count,"
                    + " last_error, raw_latest, raw_first_finish, stars";
            String fileCols =
                    "n, url, expire_at, storage_mode, type, size, width, height, duration_seconds, codec, file_id,"
                            + " archive_state, local_path, local_size, sha256_download, sha256_final, flags, attempts, last_error, archived_at";
            for (int k = 1; k < times; k++) {
                String newId = "'13977413" + String.format("%02d", k) + "' || substr(id, 11)";
                s.execute("INSERT INTO task (id, " + cols + ") SELECT " + newId + ", " + cols
                        + " FROM task WHERE id LIKE '1397741205-%'");
                s.execute("INSERT INTO output_file (task_id, " + fileCols + ") SELECT '13977413"
                        + String.format("%02d", k) + "' || substr(task_id, 11), " + fileCols
                        + " FROM output_file WHERE task_id LIKE '1397741205-%'");
            }
            s.execute("ANALYZE");
        }
        System.out.printf(
                "%nGrew the team library to %,d tasks in %.1f s%n", TASKS * times, (System.nanoTime() - t) / 1e9);
    }

    /** Three desktops open on the team, sharing its 1,000 running tasks by leases: the sync against its floor. */
    private static void syncWithThreeDesktops(TeamDatabase base) throws Exception {
        TeamDatabase team = TestPostgres.shared().newDatabase();
        List<PostgresLibrary> desktops = new ArrayList<>();
        for (String name : List.of("Ann", "Ben", "Cleo")) {
            desktops.add(PostgresLibrary.open(team, name));
        }
        Bench.sync(desktops, " by three desktops sharing the team's work (PostgreSQL)");
        desktops.forEach(Library::close);
    }

    /** Uploads of 8 x 32 MB files into a loopback S3 server: the app's verified put against the bare SDK's put. */
    private static void uploads(Path dir) throws Exception {
        try (TestS3 s3 = new TestS3(Files.createDirectories(dir.resolve("server")))) {
            S3Location bucket = s3.newBucket("bench", "team");
            List<Path> files = new ArrayList<>();
            List<String> shas = new ArrayList<>();
            Random r = new Random(3);
            for (int i = 0; i < 16; i++) {
                byte[] b = new byte[32 * 1024 * 1024];
                r.nextBytes(b);
                files.add(Files.write(dir.resolve("f" + i + ".bin"), b));
                shas.add(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(b)));
            }
            long bytes = 8L * 32 * 1024 * 1024;
            try (S3Client bare = S3Client.builder()
                            .endpointOverride(s3.endpoint())
                            .region(Region.US_EAST_1)
                            .forcePathStyle(true)
                            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                            .credentialsProvider(StaticCredentialsProvider.create(
                                    AwsBasicCredentials.create(TestS3.ACCESS, TestS3.SECRET)))
                            .httpClientBuilder(UrlConnectionHttpClient.builder())
                            .build();
                    S3HashStore app = new S3HashStore(bucket, TestS3.ACCESS, TestS3.SECRET, dir.resolve("uploads"))) {
                double bareMBs = 0;
                double appMBs = 0;
                for (int round = 0; round < 2; round++) {
                    long t = System.nanoTime();
                    for (int i = 0; i < 8; i++) {
                        Path f = files.get(round * 8 + i);
                        bare.putObject(b -> b.bucket("bench").key("bare/" + f.getFileName()), RequestBody.fromFile(f));
                    }
                    bareMBs = bytes / 1048576.0 / ((System.nanoTime() - t) / 1e9);
                    t = System.nanoTime();
                    for (int i = 0; i < 8; i++) {
                        app.put(files.get((1 - round) * 8 + i), shas.get((1 - round) * 8 + i), "bin");
                    }
                    appMBs = bytes / 1048576.0 / ((System.nanoTime() - t) / 1e9);
                }
                System.out.printf(
                        "%nUploads to a loopback S3 server (S3Proxy over a folder), 8 x 32 MB, second round of two:%n"
                                + "  the bare SDK's putObject %.0f MB/s · the app's put (SHA-256 check, Content-MD5, HEAD first) %.0f MB/s = %.2fx%n",
                        bareMBs, appMBs, appMBs / bareMBs);
            }
        }
    }
}
