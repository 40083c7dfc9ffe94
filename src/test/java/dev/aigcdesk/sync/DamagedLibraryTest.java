package dev.aigcdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.api.SavedAnswer;
import dev.aigcdesk.app.Wiring;
import dev.aigcdesk.cli.Cli;
import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.Curation;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.Salvaged;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.library.sqlite.SqliteLibrary;
import dev.aigcdesk.library.sqlite.SqliteRescue;
import dev.aigcdesk.testing.Fixtures;
import dev.aigcdesk.testing.Images;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The measurement, on a real library: 27 tasks synced from a loopback service (7 PNG, 4 JPEG
 * and 2 video tasks with archived files, 7 failed, 7 still running), with stars, tags and collections,
 * then damaged two ways. {@code repair} (the command, as a person runs it) must bring back at least
 * 80 % of the tasks with their prompt and re-link at least 80 % of the archived files, and name what it
 * could not bring back.
 */
class DamagedLibraryTest {

    enum Damage {
        TRUNCATED_TO_HALF,
        TWENTY_BLOCKS_OVERWRITTEN
    }

    private static final int PNG = 7;
    private static final int JPEG = 4;
    private static final int VIDEO = 2;
    private static final int FAILED = 7;
    private static final int RUNNING = 7;

    @TempDir
    Path home;

    private final MockWebServer server = new MockWebServer();
    /** What the service answers: each task's raw answer; a task it has forgotten is missing here. */
    private final Map<String, String> answers = new ConcurrentHashMap<>();

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<TaskId, String> prompts = new LinkedHashMap<>();
    private final List<TaskId> withFiles = new ArrayList<>();
    private TaskId starredJpeg;
    private Path db;

    @BeforeEach
    void syncALibrary() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String path = r.getUrl().encodedPath();
                if (path.startsWith("/tencent-vod/v1/query/")) {
                    String answer = answers.get(path.substring(path.lastIndexOf('/') + 1));
                    return new MockResponse.Builder()
                            .body(answer != null ? answer : Fixtures.read("error_task_not_found.json"))
                            .build();
                }
                byte[] body = files.get(path);
                return body == null
                        ? new MockResponse.Builder().code(404).build()
                        : new MockResponse.Builder()
                                .body(new Buffer().write(body))
                                .build();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
        int n = 0;
        for (int i = 0; i < PNG; i++) {
            task(n++, "image_finish_single.json", "png", Images.encode(20 + i, 12, "png"));
        }
        for (int i = 0; i < JPEG; i++) {
            task(n++, "image_finish_single.json", "jpg", Images.encode(20 + i, 12, "jpg"));
        }
        for (int i = 0; i < VIDEO; i++) {
            byte[] clip = new byte[50_000 + i];
            new Random(i).nextBytes(clip);
            System.arraycopy(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'}, 0, clip, 0, 12);
            task(n++, "video_finish_mp4.json", "mp4", clip);
        }
        for (int i = 0; i < FAILED; i++) {
            task(n++, "image_fail_prompt_violation.json", null, null);
        }
        for (int i = 0; i < RUNNING; i++) {
            task(n++, i % 2 == 0 ? "image_processing_early.json" : "image_waiting.json", null, null);
        }
        db = home.resolve("data").resolve(SqliteLibrary.FILE_NAME);
        try (SyncFixture f = new SyncFixture(server, home, 2)) {
            for (TaskId id : prompts.keySet()) {
                String raw = answers.get(id.value());
                f.ledger.recordAnswer(SavedAnswer.parse(id, raw), raw, f.clock.instant());
            }
            starredJpeg = withFiles.get(PNG);
            f.ledger.curator().rate(List.of(starredJpeg), 5);
            f.ledger.curator().tag(List.of(starredJpeg), List.of("水墨", "poster"), List.of());
            f.ledger.curator().addToCollection("Keepers", List.of(starredJpeg));
            assertThat(f.archiver.archivePending(true).archived()).isEqualTo(withFiles.size());
        }
        // Fold the write-ahead log in, as a closed app leaves it.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        assertThat(prompts).hasSize(27);
        assertThat(withFiles).hasSize(13);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Task number n: its answer from a fixture with its own id, prompt and file, served by the loopback service. */
    private void task(int n, String fixture, String ext, byte[] file) {
        String original = Fixtures.read(fixture);
        String fixtureId = TaskId.extractAll(original).get(0).value();
        boolean video = fixtureId.contains("Video");
        TaskId id =
                TaskId.parse(String.format("1397741205-%s-%032xt", video ? "AigcVideoTask" : "AigcImageTask", n + 1));
        String prompt = "prompt " + n + " of the studio library";
        String raw =
                original.replace(fixtureId, id.value()).replaceFirst("(\"Prompt\": \")[^\"]*\"", "$1" + prompt + "\"");
        if (file != null) {
            String url = server.url("/t" + n + "/out." + ext).toString();
            raw = raw.replaceAll("http://251000800\\.vod2\\.myqcloud\\.com/[^\"]+\\.(png|mp4)", url);
            files.put("/t" + n + "/out." + ext, file);
            withFiles.add(id);
        }
        answers.put(id.value(), raw);
        prompts.put(id, prompt);
    }

    record Run(int exit, String out, String err) {}

    private Run repair() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Wiring wiring =
                new Wiring(Map.of("AIGC_DESK_HOME", home.toString(), "AIGC_DESK_KEYCHAIN", "off"), Clock.systemUTC());
        int code = new Cli(wiring)
                .run(
                        new String[] {
                            "--api-base", server.url("/").toString(), "--api-key", "sk-studio", "repair", "--force"
                        },
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void damage(Damage how) throws Exception {
        long size = Files.size(db);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            if (how == Damage.TRUNCATED_TO_HALF) {
                f.setLength(size / 2);
            } else {
                Random random = new Random(20);
                byte[] junk = new byte[512];
                for (int i = 0; i < 20; i++) {
                    random.nextBytes(junk);
                    f.seek(random.nextInt((int) (size / 512)) * 512L);
                    f.write(junk);
                }
            }
        }
    }

    /** Tasks back with their very prompt, and archived files linked to their task with the bytes on disk. */
    private record Recovered(int tasks, int files, Curation starred) {}

    private Recovered recovered() throws Exception {
        int tasks = 0;
        int linked = 0;
        Curation starred = Curation.NONE;
        try (Library ledger = SqliteLibrary.open(db)) {
            for (TaskRecord r : ledger.list(TaskQuery.ALL)) {
                if (r.task().prompt() != null && r.task().prompt().equals(prompts.get(r.id()))) {
                    tasks++;
                }
                for (FileRecord f : r.files()) {
                    if (f.state() == ArchiveState.ARCHIVED
                            && f.localPath() != null
                            && Files.isRegularFile(f.localPath())) {
                        linked++;
                    }
                }
                if (r.id().equals(starredJpeg)) {
                    starred = r.curation();
                }
            }
        }
        return new Recovered(tasks, linked, starred);
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void repairBringsBackAtLeastFourFifthsOfTasksAndFiles(Damage how) throws Exception {
        damage(how);
        Run run = repair();
        Recovered r = recovered();
        System.out.printf(
                "%s: %d of %d tasks with their prompt, %d of %d archived files re-linked (exit %d)%n",
                how, r.tasks(), prompts.size(), r.files(), withFiles.size(), run.exit());

        assertThat(r.tasks())
                .as("tasks with their prompt\n%s\n%s", run.out(), run.err())
                .isGreaterThanOrEqualTo((int) Math.ceil(0.8 * prompts.size()));
        assertThat(r.files())
                .as("archived files re-linked\n%s\n%s", run.out(), run.err())
                .isGreaterThanOrEqualTo((int) Math.ceil(0.8 * withFiles.size()));
        assertThat(r.starred().stars())
                .as("the JPEG's stars come back (from the library or its XMP)")
                .isEqualTo(5);
        assertThat(r.starred().tags()).containsExactlyInAnyOrder("水墨", "poster");
        assertThat(r.starred().collections()).contains("Keepers");
        assertThat(run.out()).contains("Rebuilt the library: ").contains("The damaged file is kept at ");
        assertThat(run.exit())
                .as("exit 0 only when everything found came back")
                .isEqualTo(r.tasks() == prompts.size() ? 0 : 3);
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void fromTheDiskAloneEveryFileAndEveryTaskWithAFileComeBack(Damage how) throws Exception {
        damage(how);
        answers.clear(); // the service no longer answers for any of them
        Run run = repair();
        Recovered r = recovered();
        System.out.printf(
                "%s, disk alone: %d of %d tasks with their prompt, %d of %d archived files re-linked (exit %d)%n%s",
                how, r.tasks(), prompts.size(), r.files(), withFiles.size(), run.exit(), run.out());
        assertThat(r.files()).isEqualTo(withFiles.size());
        assertThat(r.tasks()).isGreaterThanOrEqualTo(withFiles.size());
        assertThat(run.exit()).isEqualTo(r.tasks() == prompts.size() ? 0 : 3);
    }

    @Test
    void withTheLibraryGoneJpegsComeBackFromTheirXmpWithStarsTagsAndCollections() throws Exception {
        Files.delete(db);
        answers.clear(); // and the service has forgotten everything (older than 3 days)
        Run run = repair();
        Recovered r = recovered();
        assertThat(r.files())
                .as("every archived file, the JPEGs and the video included\n%s\n%s", run.out(), run.err())
                .isEqualTo(withFiles.size());
        assertThat(r.tasks()).isEqualTo(withFiles.size());
        assertThat(r.starred().stars()).isEqualTo(5);
        assertThat(r.starred().tags()).containsExactlyInAnyOrder("水墨", "poster");
        assertThat(r.starred().collections()).containsExactly("Keepers");
        try (Library ledger = SqliteLibrary.open(db)) {
            TaskRecord jpeg = ledger.find(starredJpeg).orElseThrow();
            assertThat(jpeg.task().modelName()).isEqualTo("GEM");
            assertThat(jpeg.task().negativePrompt())
                    .as("the whole task is in the JPEG's XMP")
                    .isEqualTo("blur, distorted");
        }
    }

    @Test
    void tasksWithoutAFileThatTheServiceNoLongerKnowsAreNamedAndRepairExitsThree() throws Exception {
        // Every page that holds the words of three file-less tasks (their row, the search index's copy) is lost; their
        // ids stay in the id index.
        List<TaskId> fileless = new ArrayList<>(prompts.keySet());
        fileless.removeAll(withFiles);
        List<TaskId> wiped = fileless.subList(0, 3);
        byte[] bytes = Files.readAllBytes(db);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            for (TaskId id : wiped) {
                byte[] words = prompts.get(id).getBytes(StandardCharsets.UTF_8);
                for (int at = indexOf(bytes, words, 0); at >= 0; at = indexOf(bytes, words, at + 1)) {
                    f.seek(at / 4096 * 4096L);
                    f.write(new byte[4096]);
                }
            }
        }
        answers.clear(); // more than 3 days later: the service answers for none of them

        Run run = repair();
        Recovered r = recovered();

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(r.files()).as("the files still come back from the archive").isEqualTo(withFiles.size());
        assertThat(run.err()).contains("could not be brought back").contains("3 days");
        assertThat(run.out())
                .as("it says while it asks")
                .contains("Asking the service again about the tasks whose rows were lost: 1 of ");
        try (Library ledger = SqliteLibrary.open(db)) {
            for (TaskId id : fileless) {
                boolean back = ledger.find(id)
                        .map(t -> prompts.get(id).equals(t.task().prompt()))
                        .orElse(false);
                assertThat(back || run.err().contains("GONE " + id))
                        .as("%s is either back or named as gone\n%s", id, run.err())
                        .isTrue();
            }
            for (TaskId id : wiped) {
                assertThat(run.err()).contains("GONE " + id);
                assertThat(ledger.find(id))
                        .as("a gone task is named, not kept as an empty row")
                        .isEmpty();
            }
        }
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void aDamagedLibraryWithItsWalStillBesideItIsReadToo() throws Exception {
        // A crash leaves the last commits in library.db-wal; its pages are read below SQL as the file's are.
        try (Library ledger = SqliteLibrary.open(db)) {
            ledger.curator().rate(List.of(withFiles.get(0)), 3);
            Path copy = home.resolve("crashed");
            Files.createDirectories(copy);
            for (String suffix : new String[] {"", "-wal"}) {
                Path p = db.resolveSibling(db.getFileName() + suffix);
                if (Files.exists(p)) {
                    Files.copy(p, copy.resolve(p.getFileName()));
                }
            }
            assertThat(copy.resolve(db.getFileName() + "-wal"))
                    .as("the last change is still in the -wal")
                    .exists();
            Salvaged scan = new SqliteRescue(copy.resolve(db.getFileName()), Clock.systemUTC()).setAsideAndRead();
            assertThat(scan.ids()).containsAll(prompts.keySet());
            assertThat(scan.answers().keySet())
                    .as("every task's saved answer, read from its row")
                    .containsAll(prompts.keySet());
        }
    }
}
