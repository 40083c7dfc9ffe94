package dev.aigcdesk.library;

import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.Reach;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.testing.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {

    private static final Instant NOW = Instant.parse("2026-05-20T12:00:00Z");

    @TempDir
    Path dir;
    private Path file;
    private Ledger ledger;

    @BeforeEach
    void open() throws Exception {
        file = dir.resolve("lib/library.db");
        ledger = Ledger.open(file);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void opensInWalModeWithForeignKeysAndTheCurrentSchema() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            var rs = s.executeQuery("PRAGMA journal_mode");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wal");
            rs = s.executeQuery("PRAGMA user_version");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(Schema.CURRENT);
        }
    }

    @Test
    void addsIdsOnceAndCountsThoseAlreadyPresent() throws Exception {
        AddResult first = ledger.add(List.of(Tasks.id(1), Tasks.id(2), Tasks.id(1)), NOW);
        AddResult again = ledger.add(List.of(Tasks.id(2), Tasks.id(3)), NOW);
        assertThat(first.added()).containsExactly(Tasks.id(1), Tasks.id(2));
        assertThat(again.added()).containsExactly(Tasks.id(3));
        assertThat(again.alreadyPresent()).containsExactly(Tasks.id(2));
        TaskRecord r = ledger.find(Tasks.id(1)).orElseThrow();
        assertThat(r.task().state()).isEqualTo(TaskState.UNKNOWN);
        assertThat(r.addedAt()).isEqualTo(NOW);
        assertThat(r.wasAnswered()).isFalse();
    }

    @Test
    void keepsLatestAndFirstFinishAnswersVerbatim() throws Exception {
        TaskId id = Tasks.id(1);
        ledger.add(List.of(id), NOW);
        ledger.recordAnswer(Tasks.task(id, TaskState.RUNNING, "p", "GEM", NOW, List.of()), "{\"running\":1}", NOW);
        ledger.recordAnswer(Tasks.finishedPng(1, "p", "GEM", NOW), "{\"finish\":1}", NOW.plusSeconds(5));
        Ledger.Change last = ledger.recordAnswer(Tasks.finishedPng(1, "p", "GEM", NOW), "{\"finish\":2}", NOW.plusSeconds(10));

        Ledger.RawAnswers raw = ledger.raw(id);
        assertThat(raw.latest()).isEqualTo("{\"finish\":2}");
        assertThat(raw.firstFinish()).isEqualTo("{\"finish\":1}");
        assertThat(last.stateChanged()).isFalse();
        assertThat(last.after().refreshedAt()).isEqualTo(NOW.plusSeconds(10));
    }

    @Test
    void roundTripsEveryDomainField() throws Exception {
        var original = dev.aigcdesk.api.SavedAnswer.parse(TaskId.parse("1397741205-AigcVideoTask-fad6f4e614a212e80c67249a666d2b09t"),
                dev.aigcdesk.testing.Fixtures.read("video_finish_mp4.json"));
        ledger.recordAnswer(original, "{}", NOW);
        GenerationTask back = ledger.find(original.id()).orElseThrow().task();
        assertThat(back).isEqualTo(original);
    }

    @Test
    void newAnswersNeverForgetWhereAFileWasSaved() throws Exception {
        TaskId id = Tasks.id(1);
        ledger.recordAnswer(Tasks.finishedPng(1, "p", "GEM", NOW), "{}", NOW);
        ledger.planArchive(id, 1, dir.resolve("a.png"), 10, "aa", "bb", Set.of("sidecar"));
        ledger.markArchived(id, 1, NOW);
        ledger.recordAnswer(Tasks.finishedPng(1, "p", "GEM", NOW), "{}", NOW.plusSeconds(1));

        FileRecord f = ledger.find(id).orElseThrow().files().get(0);
        assertThat(f.state()).isEqualTo(ArchiveState.ARCHIVED);
        assertThat(f.localPath()).isEqualTo(dir.resolve("a.png"));
        assertThat(f.sha256Final()).isEqualTo("bb");
        assertThat(f.flags()).containsExactly("sidecar");
        assertThat(ledger.filesToArchive()).isEmpty();
    }

    @Test
    void fullTextSearchFindsWordsAnywhereInPromptModelAndId() throws Exception {
        ledger.recordAnswer(Tasks.finishedPng(1, "a red panda reading a newspaper", "GEM", NOW), "{}", NOW);
        ledger.recordAnswer(Tasks.finishedPng(2, "水墨风格的山间小屋，清晨薄雾", "Qwen", NOW), "{}", NOW);
        ledger.recordAnswer(Tasks.finishedPng(3, "isometric icons, pastel", "Kling", NOW), "{}", NOW);

        assertThat(ids(ledger.list(TaskQuery.ALL.withText("panda")))).containsExactly(Tasks.id(1));
        assertThat(ids(ledger.list(TaskQuery.ALL.withText("PANDA newspaper")))).containsExactly(Tasks.id(1));
        assertThat(ids(ledger.list(TaskQuery.ALL.withText("panda icons")))).isEmpty();
        assertThat(ids(ledger.list(TaskQuery.ALL.withText("山间小屋")))).containsExactly(Tasks.id(2));
        assertThat(ids(ledger.list(TaskQuery.ALL.withText("薄雾")))).as("two-character Chinese words too").containsExactly(Tasks.id(2));
        assertThat(ids(ledger.list(TaskQuery.ALL.withText("kling")))).containsExactly(Tasks.id(3));
        assertThat(ids(ledger.list(TaskQuery.ALL.withText(Tasks.id(3).shortId())))).containsExactly(Tasks.id(3));
        assertThat(ids(ledger.list(TaskQuery.ALL.withText("\"quoted AND OR\" *")))).isEmpty();
        assertThat(ids(ledger.list(TaskQuery.ALL.withText("100%_")))).isEmpty();
    }

    @Test
    void filtersCombineWithSearch() throws Exception {
        ledger.recordAnswer(Tasks.finishedPng(1, "poster of a lighthouse", "GEM", NOW), "{}", NOW);
        ledger.recordAnswer(Tasks.task(Tasks.videoId(2), TaskState.RUNNING, "lighthouse timelapse", "Kling", NOW, List.of()), "{}", NOW);
        ledger.add(List.of(Tasks.id(3)), NOW.minusSeconds(86400 * 10));

        assertThat(ids(ledger.list(TaskQuery.ALL.withText("lighthouse").withKinds(Set.of(TaskKind.VIDEO))))).containsExactly(Tasks.videoId(2));
        assertThat(ids(ledger.list(TaskQuery.ALL.withStates(Set.of(TaskState.SUCCEEDED))))).containsExactly(Tasks.id(1));
        assertThat(ids(ledger.list(TaskQuery.ALL.withModel("gem 1.0")))).containsExactly(Tasks.id(1));
        assertThat(ids(ledger.list(TaskQuery.ALL.withModel("Kling")))).containsExactly(Tasks.videoId(2));
        assertThat(ids(ledger.list(TaskQuery.ALL.withAdded(NOW.minusSeconds(86400 * 11), NOW.minusSeconds(86400))))).containsExactly(Tasks.id(3));
        assertThat(ledger.count(TaskQuery.ALL.withText("lighthouse"))).isEqualTo(2);
        assertThat(ledger.distinct("model_name")).containsExactly("GEM", "Kling");
    }

    @Test
    void listsNewestFirstInPages() throws Exception {
        for (int i = 1; i <= 5; i++) {
            ledger.add(List.of(Tasks.id(i)), NOW.plusSeconds(i));
        }
        assertThat(ids(ledger.list(TaskQuery.ALL.page(0, 2)))).containsExactly(Tasks.id(5), Tasks.id(4));
        assertThat(ids(ledger.list(TaskQuery.ALL.page(4, 2)))).containsExactly(Tasks.id(1));
    }

    @Test
    void removeDropsRecordsAndReturnsFilesAndRestoreBringsThemBack() throws Exception {
        TaskId id = Tasks.id(1);
        ledger.recordAnswer(Tasks.finishedPng(1, "p", "GEM", NOW), "{\"raw\":true}", NOW);
        ledger.planArchive(id, 1, dir.resolve("x.png"), 1, "a", "b", Set.of());
        ledger.markArchived(id, 1, NOW);
        TaskRecord before = ledger.find(id).orElseThrow();
        Ledger.RawAnswers raw = ledger.raw(id);

        Removal removed = ledger.removals().remove(id).orElseThrow();
        assertThat(removed.files()).containsExactly(dir.resolve("x.png"));
        assertThat(ledger.find(id)).isEmpty();
        assertThat(ledger.list(TaskQuery.ALL.withText("p"))).isEmpty();

        assertThat(removed.raw()).isEqualTo(raw);
        ledger.removals().restore(removed);
        assertThat(ledger.find(id).orElseThrow()).isEqualTo(before);
        assertThat(ledger.raw(id).latest()).isEqualTo("{\"raw\":true}");
    }

    @Test
    void secondProcessCanReadAndWriteBesideTheFirst() throws Exception {
        try (Ledger other = Ledger.open(file)) {
            other.add(List.of(Tasks.id(7)), NOW);
            ledger.add(List.of(Tasks.id(8)), NOW);
            assertThat(ledger.find(Tasks.id(7))).isPresent();
            assertThat(other.find(Tasks.id(8))).isPresent();
        }
    }

    @Test
    void refusesALibraryFromANewerAppWithoutTouchingIt() throws Exception {
        ledger.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        LibraryException e = catchThrowableOfType(LibraryException.class, () -> Ledger.open(file));
        assertThat(e.kind()).isEqualTo(LibraryException.Kind.TOO_NEW);
        assertThat(e.getMessage()).contains("newer AIGC Desk").contains("Update");
        ledger = Ledger.open(dir.resolve("other.db"));
    }

    @Test
    void migratesAnEmptyOldLibraryUp() throws Exception {
        Path old = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 0");
        }
        try (Ledger l = Ledger.open(old)) {
            l.add(List.of(Tasks.id(1)), NOW);
            assertThat(l.find(Tasks.id(1))).isPresent();
        }
    }

    @Test
    void garbageFileIsReportedAsDamagedWithWhatToDo() throws Exception {
        Path bad = dir.resolve("bad.db");
        Files.write(bad, "this is not a database, just some bytes that are long enough to look like a header".repeat(100).getBytes());
        LibraryException e = catchThrowableOfType(LibraryException.class, () -> Ledger.open(bad));
        assertThat(e.kind()).isEqualTo(LibraryException.Kind.CORRUPT);
        assertThat(e.getMessage()).contains("damaged").contains("aigc-desk repair");
    }

    @Test
    void queryErrorsCountNotFoundsAndReachIsKept() throws Exception {
        TaskId id = Tasks.id(1);
        ledger.add(List.of(id), NOW);
        assertThat(ledger.recordQueryError(id, "gone", true, NOW)).isEqualTo(1);
        assertThat(ledger.recordQueryError(id, "offline", false, NOW)).isEqualTo(1);
        assertThat(ledger.recordQueryError(id, "gone", true, NOW)).isEqualTo(2);
        ledger.setReach(id, Reach.NOT_FOUND, "unknown id");
        TaskRecord r = ledger.find(id).orElseThrow();
        assertThat(r.reach()).isEqualTo(Reach.NOT_FOUND);
        assertThat(r.lastError()).isEqualTo("unknown id");
        assertThat(ledger.activeTasks()).isEmpty();
    }

    @Test
    void processLockIsExclusive() throws Exception {
        Path lockFile = dir.resolve("sync.lock");
        try (ProcessLock first = ProcessLock.tryAcquire(lockFile).orElseThrow()) {
            assertThat(ProcessLock.tryAcquire(lockFile)).isEmpty();
            assertThat(ProcessLock.holder(lockFile)).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
        try (ProcessLock again = ProcessLock.tryAcquire(lockFile).orElseThrow()) {
            assertThat(again).isNotNull();
        }
    }

    private static List<TaskId> ids(List<TaskRecord> records) {
        return records.stream().map(TaskRecord::id).toList();
    }

    @Test
    void answersAReadWhileAWriteTransactionIsOpen() throws Exception {
        ledger.recordAnswer(Tasks.task(Tasks.id(1), TaskState.RUNNING, "read me", "GEM", NOW, List.of()), "{}", NOW);
        // A write transaction open on the file, and the ledger's own writer busy: a UI read must not wait for either.
        try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + ledger.file());
             java.sql.Statement st = other.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            st.execute("UPDATE task SET last_error = 'writing' WHERE id = '" + Tasks.id(1).value() + "'");
            synchronized (ledger) {
                var read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return ledger.find(Tasks.id(1)).orElseThrow().task().prompt();
                    } catch (LibraryException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThat(read.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("read me");
                assertThat(ledger.activeCount()).isEqualTo(1);
            }
            st.execute("ROLLBACK");
        }
    }

    @Test
    void countsMatchTheLists() throws Exception {
        ledger.add(List.of(Tasks.id(1), Tasks.id(2), Tasks.id(3)), NOW);
        ledger.recordAnswer(Tasks.task(Tasks.id(3), TaskState.SUCCEEDED, "done", "GEM", NOW, List.of()), "{}", NOW);
        ledger.setReach(Tasks.id(2), Reach.OUT_OF_REACH, "gone");
        assertThat(ledger.activeCount()).isEqualTo(ledger.activeTasks().size()).isEqualTo(1);
        assertThat(ledger.filesToArchiveCount()).isEqualTo(ledger.filesToArchive().size());
    }

    @Test
    void listsNewestGeneratedFirstByDefaultUndatedLastOrNewestAdded() throws Exception {
        // Added in the order 1, 2, 3, 4; generated 3rd, 1st, (not dated yet), 2nd.
        ledger.recordAnswer(Tasks.task(Tasks.id(1), TaskState.SUCCEEDED, "a", "GEM", NOW.minusSeconds(300), List.of()), "{}", NOW);
        ledger.recordAnswer(Tasks.task(Tasks.id(2), TaskState.SUCCEEDED, "b", "GEM", NOW.minusSeconds(900), List.of()), "{}", NOW.plusSeconds(1));
        ledger.add(List.of(Tasks.id(3)), NOW.plusSeconds(2));
        ledger.recordAnswer(Tasks.task(Tasks.id(4), TaskState.SUCCEEDED, "d", "GEM", NOW.minusSeconds(600), List.of()), "{}", NOW.plusSeconds(3));
        assertThat(ledger.list(TaskQuery.ALL)).extracting(TaskRecord::id).containsExactly(Tasks.id(1), Tasks.id(4), Tasks.id(2), Tasks.id(3));
        assertThat(ledger.list(TaskQuery.ALL.sortedBy(TaskQuery.Sort.ADDED))).extracting(TaskRecord::id)
                .containsExactly(Tasks.id(4), Tasks.id(3), Tasks.id(2), Tasks.id(1));
    }

    @Test
    void undoingTheRemovalOfAGenerationMadeHereBringsBackHowItWasMade() throws Exception {
        GenerationTask parent = Tasks.finishedPng(1, "a cat", "GEM", NOW);
        ledger.add(List.of(parent.id()), NOW);
        TaskId child = Tasks.id(2);
        var request = new dev.aigcdesk.domain.GenerationRequest(dev.aigcdesk.domain.TaskKind.IMAGE, "GEM", "2.5", "a cat, again", null, null,
                "16:9", null, null, null, null, null, List.of(), null);
        ledger.creations().record(child, request, "{\"prompt\":\"a cat, again\"}", "req-1", parent.id(), NOW);
        assertThat(ledger.find(child).orElseThrow().task().state()).isEqualTo(dev.aigcdesk.domain.TaskState.WAITING);

        var removed = ledger.removals().remove(child).orElseThrow();
        assertThat(ledger.creations().lineage(parent.id()).tries()).isEmpty();
        ledger.removals().restore(removed);

        assertThat(ledger.creations().lineage(child).madeFrom()).contains(parent.id());
        assertThat(ledger.creations().lineage(child).request()).contains("{\"prompt\":\"a cat, again\"}");
        assertThat(ledger.creations().lineage(parent.id()).tries()).containsExactly(child);
    }

    @Test
    void rawAnswersAreKeptExactlyButDeflated() throws Exception {
        String raw = dev.aigcdesk.testing.Fixtures.read("image_raw_nulls_unknown_keys.json");
        GenerationTask t = Tasks.finishedPng(1, "compact", "GEM", NOW);
        ledger.add(List.of(t.id()), NOW);
        ledger.recordAnswer(t, raw, NOW);

        assertThat(ledger.raw(t.id()).latest()).isEqualTo(raw);
        assertThat(ledger.raw(t.id()).firstFinish()).isEqualTo(raw);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT typeof(raw_latest), length(raw_latest) FROM task")) {
            assertThat(rs.getString(1)).isEqualTo("blob");
            assertThat(rs.getInt(2)).as("deflated: %d bytes for %d characters", rs.getInt(2), raw.length()).isLessThan(raw.length() / 2);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT length(raw_first_finish) FROM task")) {
            assertThat(rs.getInt(1)).as("the first finish is the latest: stored once").isZero();
        }
        // A later answer replaces the latest; the first finish is still the first one.
        String later = raw.replace("\"RequestId\"", "\"Later\": 1, \"RequestId\"");
        ledger.recordAnswer(t, later, NOW.plusSeconds(60));
        assertThat(ledger.raw(t.id()).latest()).isEqualTo(later);
        assertThat(ledger.raw(t.id()).firstFinish()).isEqualTo(raw);
        ledger.recordAnswer(t, raw, NOW.plusSeconds(120));
        assertThat(ledger.raw(t.id()).firstFinish()).isEqualTo(raw);
        // Removal and Undo carry the answers across, still exact.
        var removed = ledger.removals().remove(t.id()).orElseThrow();
        assertThat(removed.raw().latest()).isEqualTo(raw);
        ledger.removals().restore(removed);
        assertThat(ledger.raw(t.id()).latest()).isEqualTo(raw);
    }

    @Test
    void aLibraryFromTheLastReleaseIsUpgradedInPlaceKeepingEverything() throws Exception {
        ledger.close();
        Path old = dir.resolve("old/library.db");
        Files.createDirectories(old.getParent());
        // The library as release 0.1 left it: schema 1, one task with its answer.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement st = c.createStatement()) {
            Schema.migrate(c, 1);
            st.execute("INSERT INTO task (id, kind, state, added_at, prompt, raw_latest) VALUES ('" + Tasks.id(1).value()
                    + "', 'IMAGE', 'SUCCEEDED', 1, 'kept across the upgrade', '{\"raw\":1}')");
        }
        ledger = Ledger.open(old);
        TaskRecord r = ledger.find(Tasks.id(1)).orElseThrow();
        assertThat(r.task().prompt()).isEqualTo("kept across the upgrade");
        assertThat(r.curation()).isEqualTo(Curation.NONE);
        assertThat(ledger.raw(Tasks.id(1)).latest()).isEqualTo("{\"raw\":1}");
        assertThat(ledger.curator().rate(List.of(Tasks.id(1)), 3)).as("the new columns work").isEmpty();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement st = c.createStatement();
             var rs = st.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(Schema.CURRENT);
        }
    }

    @Test
    void organizingAThousandTasksIsOneTransactionAllOrNothing() throws Exception {
        List<TaskId> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            many.add(Tasks.id(i));
        }
        ledger.add(many, NOW);
        List<TaskId> withStranger = new java.util.ArrayList<>(many);
        withStranger.add(Tasks.id(5000));
        assertThat(ledger.curator().rate(withStranger, 5)).containsExactly(Tasks.id(5000));
        assertThat(ledger.count(TaskQuery.ALL.onShelf(new TaskQuery.Shelf(Set.of(), 1, null)))).as("nothing changed").isZero();

        assertThat(ledger.curator().rate(many, 5)).isEmpty();
        assertThat(ledger.curator().tag(many, List.of("batch"), List.of())).isEmpty();
        assertThat(ledger.curator().addToCollection("Keepers", many)).isEmpty();
        assertThat(ledger.count(TaskQuery.ALL.onShelf(new TaskQuery.Shelf(Set.of("BATCH"), 5, "keepers")))).isEqualTo(1000);
        assertThat(ledger.curator().collections()).containsExactly(new Curator.Named("Keepers", 1000));
    }

    @Test
    void removingATaskAndPuttingItBackKeepsItsStarsTagsAndCollections() throws Exception {
        ledger.recordAnswer(Tasks.task(Tasks.id(1), TaskState.SUCCEEDED, "keeper", "GEM", NOW, List.of()), "{}", NOW);
        ledger.curator().rate(List.of(Tasks.id(1)), 4);
        ledger.curator().tag(List.of(Tasks.id(1)), List.of("水墨", "hero"), List.of());
        ledger.curator().addToCollection("Client", List.of(Tasks.id(1)));
        TaskRecord before = ledger.find(Tasks.id(1)).orElseThrow();
        assertThat(before.curation()).isEqualTo(new Curation(4, List.of("hero", "水墨"), List.of("Client")));

        Removal removal = ledger.removals().remove(Tasks.id(1)).orElseThrow();
        assertThat(ledger.curator().collections()).as("the collection stays, empty").containsExactly(new Curator.Named("Client", 0));
        ledger.removals().restore(removal);
        assertThat(ledger.find(Tasks.id(1)).orElseThrow().curation()).isEqualTo(before.curation());
    }
}
