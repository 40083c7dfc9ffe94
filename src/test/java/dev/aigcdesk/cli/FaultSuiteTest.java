package dev.aigcdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.api.QueryDeadlines;
import dev.aigcdesk.app.Patience;
import dev.aigcdesk.app.Wiring;
import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.Catalog;
import dev.aigcdesk.domain.Reach;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.download.Downloader;
import dev.aigcdesk.download.Hashes;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.library.sqlite.SqliteLibrary;
import dev.aigcdesk.testing.FaultServer;
import dev.aigcdesk.testing.FaultServer.Fault;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code sync --watch} against a server with each fault alone, then all together. Whatever the
 * server does, every task ends as it does without faults, every output is archived complete,
 * nothing partial sits at a final path, nothing lands outside the archive, and memory stays bounded.
 */
class FaultSuiteTest {

    @TempDir
    static Path root;

    /** The app's deadlines scaled down (30 s / 45 s per query, a 30 s stall window) so that a stall costs seconds here. */
    private static final Patience PATIENCE = new Patience(
            new QueryDeadlines(Duration.ofSeconds(2), Duration.ofSeconds(5)),
            new Downloader.Limits(
                    Downloader.Limits.DEFAULT.maxBytes(),
                    Downloader.Limits.DEFAULT.deadline(),
                    1024,
                    Duration.ofSeconds(1)));

    /** What a clean run records: each task's state, and the hashes of the bytes the server served for it. */
    private static Map<String, TaskState> cleanStates;

    private static int cleanRequests;

    @BeforeAll
    static void cleanRun() throws Exception {
        try (FaultServer server = new FaultServer(Set.of())) {
            Path home = Files.createTempDirectory(root, "clean");
            assertThat(sync(server, home).exit()).isZero();
            cleanStates = states(home);
            cleanRequests = server.requestCount();
        }
        assertThat(cleanStates).hasSize(3).allSatisfy((id, s) -> assertThat(s).isEqualTo(TaskState.SUCCEEDED));
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void eachFaultAloneLosesNothing(Fault fault) throws Exception {
        check(EnumSet.of(fault));
    }

    @Test
    void allFaultsTogetherLoseNothing() throws Exception {
        check(EnumSet.allOf(Fault.class));
    }

    private void check(Set<Fault> faults) throws Exception {
        try (FaultServer server = new FaultServer(faults)) {
            Path home = Files.createTempDirectory(root, "faults");
            AtomicLong peak = new AtomicLong();
            long before = usedHeap();
            Thread watcher = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(usedHeap(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            watcher.setDaemon(true);
            watcher.start();
            Run run;
            long start = System.nanoTime();
            try {
                run = sync(server, home);
            } finally {
                watcher.interrupt();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (faults.contains(Fault.DRIP_ANSWER) || faults.contains(Fault.DRIP_FILE)) {
                // Without deadlines a dripping answer held a query 2 minutes and a dripping file 30 minutes a try.
                assertThat(took)
                        .as("a drip ends within its deadline and the next try completes")
                        .isLessThan(Duration.ofSeconds(60));
            }
            assertThat(run.exit())
                    .as("%s\nout:\n%s\nerr:\n%s", faults, run.out(), run.err())
                    .isZero();
            if (faults.stream()
                    .anyMatch(f -> EnumSet.of(
                                    Fault.DROP,
                                    Fault.RATE_LIMIT,
                                    Fault.SERVER_ERROR,
                                    Fault.TRUNCATED,
                                    Fault.ENDLESS,
                                    Fault.DRIP_ANSWER,
                                    Fault.DRIP_FILE)
                            .contains(f))) {
                assertThat(server.requestCount())
                        .as("the faults really struck: tries were spoiled and made again")
                        .isGreaterThan(cleanRequests);
            }
            assertThat(states(home)).as("every task ends as without faults").isEqualTo(cleanStates);
            Path archive = home.resolve("archive").toAbsolutePath().normalize();
            try (Library ledger = SqliteLibrary.open(home.resolve("data").resolve(SqliteLibrary.FILE_NAME))) {
                for (FaultServer.Task t : server.tasks().values()) {
                    TaskRecord r = ledger.find(TaskId.parse(t.id())).orElseThrow();
                    assertThat(r.files()).hasSize(t.files().size());
                    for (FileRecord f : r.files()) {
                        assertThat(f.state())
                                .as("%s file %d", t.id(), f.index())
                                .isEqualTo(ArchiveState.ARCHIVED);
                        assertThat(f.sha256Download())
                                .as("complete: the very bytes served")
                                .isEqualTo(Hashes.sha256(t.files().get(f.index() - 1)));
                        assertThat(f.localPath().toAbsolutePath().normalize())
                                .startsWith(archive)
                                .isRegularFile();
                        if (faults.contains(Fault.SIZE_LIE)) {
                            assertThat(f.flags()).contains(FileRecord.FLAG_SIZE_DISAGREES);
                        }
                    }
                }
            }
            try (Stream<Path> all = Files.walk(home)) {
                List<Path> partial = all.filter(p -> p.getFileName().toString().endsWith(".part")
                                || p.getFileName().toString().endsWith(".tmp"))
                        .toList();
                assertThat(partial).as("nothing partial left anywhere").isEmpty();
            }
            assertThat(run.out() + run.err()).doesNotContain("\u001b");
            assertThat(peak.get() - before)
                    .as("memory stays bounded (an endless answer is cut off while read)")
                    .isLessThan(160L * 1024 * 1024);
        }
    }

    @Test
    void aServerThatStaysSlowIsSaidAsATimeoutLosesNothingAndTheNextPassCompletes() throws Exception {
        try (FaultServer server = new FaultServer(Set.of())) {
            Path home = Files.createTempDirectory(root, "slow");
            List<String> add = new ArrayList<>(List.of("add"));
            add.addAll(server.tasks().keySet());
            server.dripEveryAnswer(true);
            assertThat(cli(server, home, add.toArray(String[]::new)).exit()).isZero();

            long start = System.nanoTime();
            Run slow = cli(server, home, "sync");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took)
                    .as("three queries in parallel, each ends by its 5 s deadline")
                    .isLessThan(Duration.ofSeconds(20));
            for (String id : server.tasks().keySet()) {
                assertThat(slow.err()).contains(id + " was not answered: The service did not answer in ");
            }
            assertThat(slow.err()).contains("(it sent ").contains("[Timeout]").doesNotContainIgnoringCase("connection");
            try (Library ledger = SqliteLibrary.open(home.resolve("data").resolve(SqliteLibrary.FILE_NAME))) {
                for (String id : server.tasks().keySet()) {
                    TaskRecord r = ledger.find(TaskId.parse(id)).orElseThrow();
                    assertThat(r.reach())
                            .as("a slow service is no reason to give a task up")
                            .isEqualTo(Reach.REACHABLE);
                    assertThat(Catalog.english().problem(r.lastError()))
                            .startsWith("The service did not answer in ")
                            .contains(" B); it is tried again by itself.");
                    assertThat(new Catalog(Locale.SIMPLIFIED_CHINESE).problem(r.lastError()))
                            .startsWith("服务在 ");
                }
            }

            server.dripEveryAnswer(false);
            Run next = cli(server, home, "sync", "--watch");
            assertThat(next.exit()).as(next.err()).isZero();
            assertThat(states(home)).isEqualTo(cleanStates);
        }
    }

    record Run(int exit, String out, String err) {}

    private static Run cli(FaultServer server, Path home, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Wiring wiring = new Wiring(
                Map.of("AIGC_DESK_HOME", home.toString(), "AIGC_DESK_KEYCHAIN", "off"), Clock.systemUTC(), PATIENCE);
        List<String> all = new ArrayList<>(List.of("--api-base", server.baseUrl(), "--api-key", "sk-fault"));
        all.addAll(List.of(args));
        int code = new Cli(wiring)
                .run(
                        all.toArray(String[]::new),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run sync(FaultServer server, Path home) {
        List<String> add = new ArrayList<>(List.of("add"));
        add.addAll(server.tasks().keySet());
        cli(server, home, add.toArray(String[]::new));
        return cli(server, home, "sync", "--watch");
    }

    private static Map<String, TaskState> states(Path home) throws Exception {
        Map<String, TaskState> out = new LinkedHashMap<>();
        try (Library ledger = SqliteLibrary.open(home.resolve("data").resolve(SqliteLibrary.FILE_NAME))) {
            for (TaskRecord r : ledger.list(TaskQuery.ALL)) {
                out.put(r.id().value(), r.task().state());
            }
        }
        return out;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
