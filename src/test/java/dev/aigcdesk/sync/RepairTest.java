package dev.aigcdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.api.SavedAnswer;
import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.Curation;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryFilter;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.library.sqlite.SqliteLibrary;
import dev.aigcdesk.library.sqlite.SqliteRescue;
import dev.aigcdesk.store.folder.FolderStore;
import dev.aigcdesk.testing.Fixtures;
import dev.aigcdesk.testing.Images;
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
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repair on real damage: a deleted, a truncated and an overwritten library, rebuilt from what the file still holds and from the archive. */
class RepairTest {

    private static final int TASKS = 60;

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final List<TaskId> ids = new ArrayList<>();
    private Path db;
    private Path archive;

    @BeforeEach
    void buildALibrary() throws Exception {
        byte[] png = Images.encode(8, 8, "png");
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return new MockResponse.Builder().body(new Buffer().write(png)).build();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
        try (SyncFixture f = new SyncFixture(server, dir, 2)) {
            for (int i = 0; i < TASKS; i++) {
                TaskId id = TaskId.parse(String.format("1397741205-AigcImageTask-%032xt", i + 1));
                ids.add(id);
                String raw = Fixtures.read("image_finish_single.json")
                        .replace("1397741205-AigcImageTask-96a3be3cf272e017046d1b2674a52bd3t", id.value())
                        .replace(
                                "http://251000800.vod2.myqcloud.com/",
                                server.url("/t" + i + "/").toString())
                        .replace(
                                "a red panda reading a newspaper",
                                "prompt number " + i + " a red panda reading a newspaper");
                f.ledger.recordAnswer(SavedAnswer.parse(id, raw), raw, f.clock.instant());
            }
            assertThat(f.archiver.archivePending(true).archived()).isEqualTo(TASKS);
            db = f.ledger.file();
            archive = f.archive;
        }
        // Fold the write-ahead log in, as a closed app leaves it.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private LibraryRepair.Result repair() throws Exception {
        return new LibraryRepair(Clock.systemUTC())
                .rebuild(new SqliteRescue(db, Clock.systemUTC()), new FolderStore(archive));
    }

    @Test
    void aDeletedLibraryIsRebuiltFromTheArchiveAlone() throws Exception {
        Files.delete(db);
        LibraryRepair.Result r = repair();
        assertThat(r.fromArchive()).isEqualTo(TASKS);
        assertThat(r.files()).isEqualTo(TASKS);
        assertThat(r.complete()).isTrue();
        try (Library ledger = SqliteLibrary.open(db)) {
            TaskRecord t = ledger.find(ids.get(7)).orElseThrow();
            assertThat(t.task().prompt()).startsWith("prompt number 7 ");
            assertThat(t.task().modelName()).isEqualTo("GEM");
            assertThat(t.files())
                    .singleElement()
                    .satisfies(f -> assertThat(f.state()).isEqualTo(ArchiveState.ARCHIVED));
            assertThat(ledger.list(TaskQuery.of(LibraryFilter.NONE.withText("number 42"))))
                    .extracting(TaskRecord::id)
                    .containsExactly(ids.get(42));
        }
    }

    @Test
    void repairKeepsStarsTagsAndCollections() throws Exception {
        try (Library ledger = SqliteLibrary.open(db)) {
            ledger.curator().rate(List.of(ids.get(3)), 5);
            ledger.curator().tag(List.of(ids.get(3)), List.of("水墨"), List.of());
            ledger.curator().addToCollection("Keepers", List.of(ids.get(3), ids.get(4)));
        }
        LibraryRepair.Result r = repair();
        assertThat(r.complete()).isTrue();
        try (Library ledger = SqliteLibrary.open(db)) {
            assertThat(ledger.find(ids.get(3)).orElseThrow().curation())
                    .isEqualTo(new Curation(5, List.of("水墨"), List.of("Keepers")));
            assertThat(ledger.find(ids.get(4)).orElseThrow().curation().collections())
                    .containsExactly("Keepers");
        }
    }

    @Test
    void aTruncatedLibraryKeepsWhatItHoldsAndTheArchiveFillsTheRest() throws Exception {
        long size = Files.size(db);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.setLength(size * 6 / 10);
        }
        LibraryRepair.Result r = repair();
        assertThat(r.tasks()).isEqualTo(TASKS);
        assertThat(r.complete()).isTrue();
        assertThat(r.files()).isEqualTo(TASKS);
        assertThat(Path.of(r.keptAside())).exists();
    }

    @Test
    void rowsAfterAnOverwrittenPageAreStillRecoveredAndThePageItselfFromTheSearchIndex() throws Exception {
        // Damage the page that holds a task in the middle, and take the archive away: only the file itself can help.
        TaskId middle = ids.get(TASKS / 2);
        byte[] bytes = Files.readAllBytes(db);
        // The task's row: its id, kind and state are stored next to each other (the raw answers are deflated, so not
        // searchable).
        int at = indexOf(bytes, (middle.value() + "IMAGESUCCEEDED").getBytes(StandardCharsets.UTF_8));
        assertThat(at).as("the middle task's row is in the file").isPositive();
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek((at / 4096L) * 4096L);
            f.write(new byte[4096]);
        }
        deleteArchive();

        LibraryRepair.Result r = repair();

        try (Library ledger = SqliteLibrary.open(db)) {
            assertThat(ledger.find(ids.get(TASKS - 1)))
                    .as("the last task, after the damaged page, survives")
                    .isPresent();
            assertThat(ledger.find(ids.get(0))).isPresent();
        }
        assertThat(r.found()).as("the lost tasks' file records still name them").isEqualTo(TASKS);
        try (Library ledger = SqliteLibrary.open(db)) {
            assertThat(ledger.find(middle).orElseThrow().task().prompt())
                    .as("its words survive on another page: the search index's")
                    .startsWith("prompt number " + TASKS / 2 + " ");
        }
        assertThat(r.fromIndex())
                .as("the tasks of the damaged page, from the search index's copy of their words")
                .isPositive();
    }

    private void deleteArchive() throws Exception {
        try (Stream<Path> s = Files.walk(archive)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
