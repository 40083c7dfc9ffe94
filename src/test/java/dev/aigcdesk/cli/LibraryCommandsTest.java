package dev.aigcdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.aigcdesk.app.Wiring;
import dev.aigcdesk.demo.DemoCatalog;
import dev.aigcdesk.download.Hashes;
import dev.aigcdesk.library.sqlite.ProcessLock;
import dev.aigcdesk.library.sqlite.SqliteLibrary;
import dev.aigcdesk.testing.FastClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library commands, end to end, on the demo service with a clock running 20 times faster. */
class LibraryCommandsTest {

    @TempDir
    Path home;

    private final Clock clock = new FastClock(20);

    record Run(int exit, String out, String err) {}

    private Run runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream previous = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int code = new Cli(new Wiring(Map.of("AIGC_DESK_HOME", home.toString()), clock))
                    .run(
                            args,
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(previous);
        }
    }

    private Run run(String... args) {
        return runWithInput("", args);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String line) throws Exception {
        return new Moshi.Builder()
                .build()
                .<Map<String, Object>>adapter(Types.newParameterizedType(Map.class, String.class, Object.class))
                .fromJson(line);
    }

    /** The "done means": add a mix, sync --watch, stop the server, and everything is answered offline and archived. */
    @Test
    void addSyncWatchThenListAndShowOffline() throws Exception {
        String running = DemoCatalog.sample("ink-cabin").value();
        String finished = DemoCatalog.sample("red-panda").value();
        String failed = DemoCatalog.sample("moderation").value();
        String video = DemoCatalog.sample("coastal-car").value();
        String expired = DemoCatalog.sample("shanghai-poster").value();
        String pasted = "Today's batch:\n- " + running + " (the cabin)\n- " + finished + ", " + failed + "\nvideo: "
                + video + "\nold one " + expired + "\ntypo 1250000000-AigcImageTask-nothex\n";

        Run add = runWithInput(pasted, "--demo", "add", "--from", "-");
        assertThat(add.out()).startsWith("Added 5, already present 0, invalid 1.");
        assertThat(run("--demo", "add", finished).out()).startsWith("Added 0, already present 1, invalid 0.");

        Run sync = run("--demo", "sync", "--watch");
        assertThat(sync.exit())
                .as("the expired link is a loss, reported loudly, with its own exit code")
                .isEqualTo(ExitCodes.LOST);
        assertThat(sync.err()).contains("LOST 1 file").contains(expired + " file 1");
        assertThat(sync.out())
                .contains(failed + " is failed: The prompt or an input was rejected by content moderation.")
                .contains("0 tasks still running, 0 files waiting to be saved");

        Path out = home.resolve("picked");
        assertThat(run("--demo", "tag", finished, video, "--add", "keep").exit())
                .isZero();
        Run picked = run("--demo", "export", "--format", "files", "--out", out.toString(), "--tag", "keep");
        assertThat(picked.out())
                .as(picked.err())
                .startsWith("Copied 2 outputs to " + out + "; skipped 0 already there.");
        try (var copied = Files.list(out)) {
            assertThat(copied.map(p -> p.getFileName().toString()))
                    .as("the outputs and the video's sidecar, under their archive names")
                    .hasSize(3)
                    .anyMatch(n -> n.endsWith("-1.png"))
                    .anyMatch(n -> n.endsWith(".mp4"))
                    .anyMatch(n -> n.endsWith(".mp4.json"));
        }
        assertThat(run("--demo", "export", "--format", "files", "--out", out.toString(), "--tag", "keep")
                        .out())
                .as("running it twice changes nothing")
                .startsWith("Copied 0 outputs to " + out + "; skipped 2 already there.");

        Run lostOnly = run("--demo", "list", "--lost");
        assertThat(lostOnly.out()).contains(expired).doesNotContain(finished);
        Run byAdded = run("--demo", "list", "--sort", "added", "--json");
        assertThat(byAdded.exit()).isZero();
        assertThat(run("--demo", "list", "--sort", "stars-maybe").exit())
                .as("an unknown order is a usage error")
                .isEqualTo(ExitCodes.USAGE);

        // The demo service is gone now; list and show answer from the ledger alone.
        Run list = run("--home", home.toString(), "--demo", "list", "--json");
        List<Map<String, Object>> rows = list.out()
                .lines()
                .map(l -> {
                    try {
                        return json(l);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
        assertThat(rows).hasSize(5);
        Map<String, Object> panda = rows.stream()
                .filter(r -> r.get("taskId").equals(finished))
                .findFirst()
                .orElseThrow();
        assertThat(panda).containsEntry("state", "succeeded");
        Map<?, ?> copy = (Map<?, ?>) ((List<?>) panda.get("archive")).get(0);
        Path saved = Path.of((String) copy.get("localPath"));
        assertThat(copy.get("archive")).isEqualTo("archived");
        assertThat(Hashes.sha256(saved)).isEqualTo(copy.get("sha256"));
        assertThat(ImageIO.read(saved.toFile()).getWidth()).isEqualTo(768);

        for (String id : List.of(running, finished, video)) {
            Run show = run("--demo", "show", id);
            assertThat(show.out()).contains("Saved 1:  ✓ ").contains("Raw answers kept: latest and first FINISH");
        }
        assertThat(run("--demo", "show", expired).out()).contains("LOST: it expired before it could be saved");
        assertThat(run("--demo", "show", video, "--raw").out()).contains("\"AigcVideoTask\":{");

        Run search = run("--demo", "list", "--search", "山间");
        assertThat(search.out()).contains(running).doesNotContain(finished);
        assertThat(run("--demo", "list", "--state", "failed").out())
                .contains(failed)
                .contains("1 task");
        assertThat(run("--demo", "list", "--kind", "video").out())
                .contains(video)
                .contains("1 task");
        assertThat(run("--demo", "list", "--model", "gem 2.5").out())
                .contains(finished)
                .contains("1 task");
    }

    @Test
    void exportWritesJsonAndCsvThatReadBack() throws Exception {
        String a = DemoCatalog.sample("red-panda").value();
        run("--demo", "add", a, DemoCatalog.sample("kitchen-icons").value());
        run("--demo", "sync");
        Path csv = home.resolve("out.csv");
        assertThat(run("--demo", "export", "--format", "csv", "--out", csv.toString())
                        .out())
                .contains("Exported 2 tasks");
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(Files.readString(csv)))
                .getRecords();
        assertThat(records).hasSize(2);
        assertThat(records).anySatisfy(r -> {
            assertThat(r.get("taskId")).isEqualTo(a);
            assertThat(r.get("prompt")).isEqualTo("a red panda reading a newspaper in a cafe, watercolor");
            assertThat(r.get("localFiles")).endsWith(".png");
        });
        String today = LocalDate.now(ZoneOffset.UTC).toString(); // FastClock keeps UTC
        assertThat(run("--demo", "list", "--since", today).out()).contains("2 tasks");
        assertThat(run("--demo", "list", "--until", "2000-01-01").out()).contains("0 tasks");
        String jsonOut = run("--demo", "export", "--format", "json").out();
        List<?> all = new Moshi.Builder().build().adapter(List.class).fromJson(jsonOut);
        assertThat(all).hasSize(2);
    }

    @Test
    void removeKeepsFilesUnlessAskedAndNeverDeletesOutsideTheArchive() throws Exception {
        String a = DemoCatalog.sample("red-panda").value();
        String b = DemoCatalog.sample("kitchen-icons").value();
        run("--demo", "add", a, b);
        run("--demo", "sync");
        Map<String, Object> shown =
                json(run("--demo", "show", a, "--json").out().strip());
        Path file = Path.of((String) ((Map<?, ?>) ((List<?>) shown.get("archive")).get(0)).get("localPath"));

        assertThat(run("--demo", "remove", a).out()).contains("Removed " + a).contains("stay in");
        assertThat(file).exists();
        assertThat(run("--demo", "show", a).exit()).isEqualTo(1);

        Map<String, Object> shownB =
                json(run("--demo", "show", b, "--json").out().strip());
        List<?> bFiles = (List<?>) shownB.get("archive");
        Run removed = run("--demo", "remove", b, "--delete-files");
        assertThat(removed.exit()).isZero();
        for (Object o : bFiles) {
            assertThat(Path.of((String) ((Map<?, ?>) o).get("localPath"))).doesNotExist();
        }
        assertThat(run("--demo", "remove", "1250000000-AigcImageTask-00000000000000000000000000000000t")
                        .exit())
                .isEqualTo(1);
    }

    @Test
    void aDamagedLibraryIsReportedAndRebuiltFromItsSavedAnswers() throws Exception {
        String a = DemoCatalog.sample("red-panda").value();
        run("--demo", "add", a);
        run("--demo", "sync");
        Path db = home.resolve("data/demo/data/" + SqliteLibrary.FILE_NAME);
        // Keep a readable copy, then make the live file unreadable.
        Path healthy = home.resolve("healthy.db");
        Files.copy(db, healthy);
        Files.write(db, "garbage that is not SQLite at all".repeat(200).getBytes(StandardCharsets.US_ASCII));
        Files.deleteIfExists(db.resolveSibling(SqliteLibrary.FILE_NAME + "-wal"));
        Files.deleteIfExists(db.resolveSibling(SqliteLibrary.FILE_NAME + "-shm"));

        Run broken = run("--demo", "list");
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.err())
                .contains("is damaged")
                .contains("aigc-desk repair")
                .doesNotContain("Exception");

        Run repair = run("--demo", "repair");
        assertThat(repair.out())
                .as("nothing readable in the file, but the archive holds the task")
                .contains(
                        "Rebuilt the library: 1 of 1 tasks recovered with their prompt (0 from the answers the library had saved, 1 from the archived files")
                .contains("1 archived files re-linked")
                .contains("The damaged file is kept at");
        assertThat(repair.exit()).isZero();
        assertThat(run("--demo", "list").exit()).isZero();

        // A library whose rows are still readable is rebuilt from the answers it saved, with its archive links.
        Files.copy(healthy, db, StandardCopyOption.REPLACE_EXISTING);
        Run forced = run("--demo", "repair", "--force");
        assertThat(forced.out())
                .contains(
                        "1 of 1 tasks recovered with their prompt (1 from the answers the library had saved, 0 from the archived files")
                .contains("1 archived files re-linked");
        assertThat(run("--demo", "show", a).out()).contains("a red panda").contains("Saved 1:  ✓ ");
    }

    @Test
    void secondSyncWhileOneRunsIsRefusedClearly() throws Exception {
        Path lockFile = home.resolve("data/demo/data/sync.lock");
        try (var lock = ProcessLock.tryAcquire(lockFile).orElseThrow()) {
            Run r = run("--demo", "sync");
            assertThat(r.exit()).as("the lock has its own exit code").isEqualTo(ExitCodes.LOCKED);
            assertThat(r.err()).contains("is already refreshing and archiving this library");
        }
    }
}
