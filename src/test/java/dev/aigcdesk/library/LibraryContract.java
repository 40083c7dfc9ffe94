package dev.aigcdesk.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.api.SavedAnswer;
import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.GenerationRequest;
import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.Look;
import dev.aigcdesk.domain.Palette;
import dev.aigcdesk.domain.Reach;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.testing.Fixtures;
import dev.aigcdesk.testing.Tasks;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every library engine must do, whatever it stores in: one suite, run against each adapter
 * (SQLite here; the team library's engine runs the same tests).
 */
public abstract class LibraryContract {

    protected static final Instant NOW = Instant.parse("2026-05-20T12:00:00Z");

    @TempDir
    protected Path dir;

    protected Library ledger;

    /** A new, empty library of this engine, its files (if any) under {@code dir}. */
    protected abstract Library openLibrary(Path dir) throws Exception;

    @BeforeEach
    void open() throws Exception {
        ledger = openLibrary(dir);
    }

    @AfterEach
    void close() {
        ledger.close();
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
    void keepsHowSavedPicturesLookAndListsThoseNotLookedAtYet() throws Exception {
        for (int n = 1; n <= 3; n++) {
            ledger.add(List.of(Tasks.id(n)), NOW);
            ledger.recordAnswer(Tasks.finishedPng(n, "prompt " + n, "GEM", NOW), "{}", NOW);
        }
        ledger.curator().rate(List.of(Tasks.id(2)), 4);
        assertThat(ledger.filesWithoutLook(10)).as("nothing saved yet").isEmpty();
        for (int n = 1; n <= 3; n++) {
            ledger.planArchive(Tasks.id(n), 1, dir.resolve(n + ".png"), 10, "d" + n, "f" + n, Set.of());
            ledger.markArchived(Tasks.id(n), 1, NOW);
            ledger.recordPixels(Tasks.id(n), 1, 64, 32);
        }
        assertThat(ledger.filesWithoutLookCount()).isEqualTo(3);
        assertThat(ledger.filesWithoutLook(2)).hasSize(2);

        byte[] layout = new byte[Look.CELLS * 3];
        layout[5] = -7;
        Palette palette = Palette.decode("1e90ff:0.600,ff8c00:0.400");
        ledger.recordLooks(List.of(
                new Library.Looked(Tasks.id(1), 1, new Look(0x8000_0000_0000_0001L, layout, palette)),
                new Library.Looked(Tasks.id(2), 1, new Look(42, layout, palette)),
                // Looked at, could not be read: not listed again, not ranked.
                new Library.Looked(Tasks.id(3), 1, new Look(0, new byte[0], null))));
        assertThat(ledger.filesWithoutLookCount()).isZero();
        List<Library.LookRow> rows = ledger.looks();
        assertThat(rows).hasSize(2);
        Library.LookRow one = rows.stream()
                .filter(r -> r.id().equals(Tasks.id(1)))
                .findFirst()
                .orElseThrow();
        assertThat(one.look().hash()).isEqualTo(0x8000_0000_0000_0001L);
        assertThat(one.look().layout()).isEqualTo(layout);
        assertThat(one.sha256()).isEqualTo("f1");
        assertThat(one.pixels()).isEqualTo(64 * 32);
        assertThat(one.prompt()).isEqualTo("prompt 1");
        assertThat(rows.stream()
                        .filter(r -> r.id().equals(Tasks.id(2)))
                        .findFirst()
                        .orElseThrow()
                        .stars())
                .isEqualTo(4);
        assertThat(ledger.find(Tasks.id(1)).orElseThrow().files().get(0).palette())
                .isEqualTo(palette);
    }

    @Test
    void keepsLatestAndFirstFinishAnswersVerbatim() throws Exception {
        TaskId id = Tasks.id(1);
        ledger.add(List.of(id), NOW);
        ledger.recordAnswer(Tasks.task(id, TaskState.RUNNING, "p", "GEM", NOW, List.of()), "{\"running\":1}", NOW);
        ledger.recordAnswer(Tasks.finishedPng(1, "p", "GEM", NOW), "{\"finish\":1}", NOW.plusSeconds(5));
        Library.Change last =
                ledger.recordAnswer(Tasks.finishedPng(1, "p", "GEM", NOW), "{\"finish\":2}", NOW.plusSeconds(10));

        Library.RawAnswers raw = ledger.raw(id);
        assertThat(raw.latest()).isEqualTo("{\"finish\":2}");
        assertThat(raw.firstFinish()).isEqualTo("{\"finish\":1}");
        assertThat(last.stateChanged()).isFalse();
        assertThat(last.after().refreshedAt()).isEqualTo(NOW.plusSeconds(10));
    }

    @Test
    void roundTripsEveryDomainField() throws Exception {
        var original = SavedAnswer.parse(
                TaskId.parse("1397741205-AigcVideoTask-fad6f4e614a212e80c67249a666d2b09t"),
                Fixtures.read("video_finish_mp4.json"));
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

        assertThat(ids(ledger.list(TaskQuery.of(LibraryFilter.NONE.withText("panda")))))
                .containsExactly(Tasks.id(1));
        assertThat(ids(ledger.list(TaskQuery.of(LibraryFilter.NONE.withText("PANDA newspaper")))))
                .containsExactly(Tasks.id(1));
        assertThat(ids(ledger.list(TaskQuery.of(LibraryFilter.NONE.withText("panda icons")))))
                .isEmpty();
        assertThat(ids(ledger.list(TaskQuery.of(LibraryFilter.NONE.withText("山间小屋")))))
                .containsExactly(Tasks.id(2));
        assertThat(ids(ledger.list(TaskQuery.of(LibraryFilter.NONE.withText("薄雾")))))
                .as("two-character Chinese words too")
                .containsExactly(Tasks.id(2));
        assertThat(ids(ledger.list(TaskQuery.of(LibraryFilter.NONE.withText("kling")))))
                .containsExactly(Tasks.id(3));
        assertThat(ids(ledger.list(
                        TaskQuery.of(LibraryFilter.NONE.withText(Tasks.id(3).shortId())))))
                .containsExactly(Tasks.id(3));
        assertThat(ids(ledger.list(TaskQuery.of(LibraryFilter.NONE.withText("\"quoted AND OR\" *")))))
                .isEmpty();
        assertThat(ids(ledger.list(TaskQuery.of(LibraryFilter.NONE.withText("100%_")))))
                .isEmpty();
    }

    @Test
    void everyKeptChangeIsToldToThoseListeningAndOnlyWhileTheyListen() throws Exception {
        List<LibraryEvent> told = new java.util.ArrayList<>();
        AutoCloseable listening = ledger.onChange(told::add);

        ledger.add(List.of(Tasks.id(1), Tasks.id(2)), NOW);
        ledger.add(List.of(Tasks.id(1)), NOW); // already there: nothing changed, nothing told
        ledger.recordAnswer(Tasks.finishedPng(1, "poster of a lighthouse", "GEM", NOW), "{}", NOW);
        ledger.markArchived(Tasks.id(1), 1, NOW);
        ledger.curator().rate(List.of(Tasks.id(1)), 5);
        ledger.curator().rate(List.of(Tasks.id(9)), 5);
        List<Removal> removed = ledger.removals().removeAll(List.of(Tasks.id(2)));
        ledger.removals().restore(removed.get(0));

        assertThat(told)
                .containsExactly(
                        new LibraryEvent(LibraryEvent.Kind.ADDED, Set.of(Tasks.id(1), Tasks.id(2))),
                        new LibraryEvent(LibraryEvent.Kind.ANSWERED, Set.of(Tasks.id(1))),
                        new LibraryEvent(LibraryEvent.Kind.FILES, Set.of(Tasks.id(1))),
                        new LibraryEvent(LibraryEvent.Kind.CURATED, Set.of(Tasks.id(1))),
                        new LibraryEvent(LibraryEvent.Kind.REMOVED, Set.of(Tasks.id(2))),
                        new LibraryEvent(LibraryEvent.Kind.RESTORED, Set.of(Tasks.id(2))));

        listening.close();
        ledger.curator().rate(List.of(Tasks.id(1)), 1);
        assertThat(told).as("nothing after the listener left").hasSize(6);
    }

    @Test
    void facetsOfferWhatTheLibraryHoldsWithTheirCounts() throws Exception {
        assertThat(ledger.facets()).isEqualTo(Facets.NONE);
        ledger.recordAnswer(Tasks.finishedPng(1, "poster of a lighthouse", "GEM", NOW), "{}", NOW);
        ledger.recordAnswer(Tasks.finishedPng(2, "ink cabin", "Kling", NOW), "{}", NOW);
        ledger.curator().rate(List.of(Tasks.id(1)), 4);
        ledger.curator().tag(List.of(Tasks.id(1), Tasks.id(2)), List.of("Poster"), List.of());
        ledger.curator().addToCollection("Keepers", List.of(Tasks.id(2)));

        Facets f = ledger.facets();
        assertThat(f.starred()).isEqualTo(1);
        assertThat(f.tags()).containsExactly(new Curator.Named("Poster", 2));
        assertThat(f.collections()).containsExactly(new Curator.Named("Keepers", 1));
        assertThat(f.models()).isEqualTo(ledger.distinct(Library.Facet.MODEL)).hasSize(2);
        assertThat(f.values(Library.Facet.MODEL)).isEqualTo(f.models());
    }

    @Test
    void filtersCombineWithSearch() throws Exception {
        ledger.recordAnswer(Tasks.finishedPng(1, "poster of a lighthouse", "GEM", NOW), "{}", NOW);
        ledger.recordAnswer(
                Tasks.task(Tasks.videoId(2), TaskState.RUNNING, "lighthouse timelapse", "Kling", NOW, List.of()),
                "{}",
                NOW);
        ledger.add(List.of(Tasks.id(3)), NOW.minusSeconds(86400 * 10));

        assertThat(ids(ledger.list(
                        TaskQuery.of(LibraryFilter.NONE.withText("lighthouse").withKinds(Set.of(TaskKind.VIDEO))))))
                .containsExactly(Tasks.videoId(2));
        assertThat(ids(ledger.list(TaskQuery.of(LibraryFilter.NONE.withStates(Set.of(TaskState.SUCCEEDED))))))
                .containsExactly(Tasks.id(1));
        assertThat(ids(ledger.list(TaskQuery.of(LibraryFilter.NONE.withModel("gem 1.0")))))
                .containsExactly(Tasks.id(1));
        assertThat(ids(ledger.list(TaskQuery.of(LibraryFilter.NONE.withModel("Kling")))))
                .containsExactly(Tasks.videoId(2));
        assertThat(ids(ledger.list(TaskQuery.of(
                        LibraryFilter.NONE.withAdded(NOW.minusSeconds(86400 * 11), NOW.minusSeconds(86400))))))
                .containsExactly(Tasks.id(3));
        assertThat(ledger.count(TaskQuery.of(LibraryFilter.NONE.withText("lighthouse"))))
                .isEqualTo(2);
        assertThat(ledger.distinct(Library.Facet.MODEL)).containsExactly("GEM", "Kling");
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
        Library.RawAnswers raw = ledger.raw(id);

        Removal removed = ledger.removals().remove(id).orElseThrow();
        assertThat(removed.files()).containsExactly(dir.resolve("x.png"));
        assertThat(ledger.find(id)).isEmpty();
        assertThat(ledger.list(TaskQuery.of(LibraryFilter.NONE.withText("p")))).isEmpty();

        assertThat(removed.raw()).isEqualTo(raw);
        ledger.removals().restore(removed);
        assertThat(ledger.find(id).orElseThrow()).isEqualTo(before);
        assertThat(ledger.raw(id).latest()).isEqualTo("{\"raw\":true}");
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

    protected static List<TaskId> ids(List<TaskRecord> records) {
        return records.stream().map(TaskRecord::id).toList();
    }

    @Test
    void countsMatchTheLists() throws Exception {
        ledger.add(List.of(Tasks.id(1), Tasks.id(2), Tasks.id(3)), NOW);
        ledger.recordAnswer(Tasks.task(Tasks.id(3), TaskState.SUCCEEDED, "done", "GEM", NOW, List.of()), "{}", NOW);
        ledger.setReach(Tasks.id(2), Reach.OUT_OF_REACH, "gone");
        assertThat(ledger.activeCount()).isEqualTo(ledger.activeTasks().size()).isEqualTo(1);
        assertThat(ledger.filesToArchiveCount())
                .isEqualTo(ledger.filesToArchive().size());
    }

    @Test
    void listsNewestGeneratedFirstByDefaultUndatedLastOrNewestAdded() throws Exception {
        // Added in the order 1, 2, 3, 4; generated 3rd, 1st, (not dated yet), 2nd.
        ledger.recordAnswer(
                Tasks.task(Tasks.id(1), TaskState.SUCCEEDED, "a", "GEM", NOW.minusSeconds(300), List.of()), "{}", NOW);
        ledger.recordAnswer(
                Tasks.task(Tasks.id(2), TaskState.SUCCEEDED, "b", "GEM", NOW.minusSeconds(900), List.of()),
                "{}",
                NOW.plusSeconds(1));
        ledger.add(List.of(Tasks.id(3)), NOW.plusSeconds(2));
        ledger.recordAnswer(
                Tasks.task(Tasks.id(4), TaskState.SUCCEEDED, "d", "GEM", NOW.minusSeconds(600), List.of()),
                "{}",
                NOW.plusSeconds(3));
        assertThat(ledger.list(TaskQuery.ALL))
                .extracting(TaskRecord::id)
                .containsExactly(Tasks.id(1), Tasks.id(4), Tasks.id(2), Tasks.id(3));
        assertThat(ledger.list(TaskQuery.of(LibraryFilter.NONE.sortedBy(LibraryFilter.Sort.ADDED))))
                .extracting(TaskRecord::id)
                .containsExactly(Tasks.id(4), Tasks.id(3), Tasks.id(2), Tasks.id(1));
    }

    @Test
    void undoingTheRemovalOfAGenerationMadeHereBringsBackHowItWasMade() throws Exception {
        GenerationTask parent = Tasks.finishedPng(1, "a cat", "GEM", NOW);
        ledger.add(List.of(parent.id()), NOW);
        TaskId child = Tasks.id(2);
        var request = new GenerationRequest(
                TaskKind.IMAGE,
                "GEM",
                "2.5",
                "a cat, again",
                null,
                null,
                "16:9",
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null);
        ledger.creations().record(child, request, "{\"prompt\":\"a cat, again\"}", "req-1", parent.id(), NOW);
        assertThat(ledger.find(child).orElseThrow().task().state()).isEqualTo(TaskState.WAITING);

        var removed = ledger.removals().remove(child).orElseThrow();
        assertThat(ledger.creations().lineage(parent.id()).tries()).isEmpty();
        ledger.removals().restore(removed);

        assertThat(ledger.creations().lineage(child).madeFrom()).contains(parent.id());
        assertThat(ledger.creations().lineage(child).request()).contains("{\"prompt\":\"a cat, again\"}");
        assertThat(ledger.creations().lineage(parent.id()).tries()).containsExactly(child);
    }

    @Test
    void organizingAThousandTasksIsOneTransactionAllOrNothing() throws Exception {
        List<TaskId> many = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            many.add(Tasks.id(i));
        }
        ledger.add(many, NOW);
        List<TaskId> withStranger = new ArrayList<>(many);
        withStranger.add(Tasks.id(5000));
        assertThat(ledger.curator().rate(withStranger, 5)).containsExactly(Tasks.id(5000));
        assertThat(ledger.count(TaskQuery.of(LibraryFilter.NONE.withStars(1))))
                .as("nothing changed")
                .isZero();

        assertThat(ledger.curator().rate(many, 5)).isEmpty();
        assertThat(ledger.curator().tag(many, List.of("batch"), List.of())).isEmpty();
        assertThat(ledger.curator().addToCollection("Keepers", many)).isEmpty();
        assertThat(ledger.count(TaskQuery.of(LibraryFilter.NONE
                        .withTags(Set.of("BATCH"))
                        .withStars(5)
                        .withCollection("keepers"))))
                .isEqualTo(1000);
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
        assertThat(ledger.curator().collections())
                .as("the collection stays, empty")
                .containsExactly(new Curator.Named("Client", 0));
        ledger.removals().restore(removal);
        assertThat(ledger.find(Tasks.id(1)).orElseThrow().curation()).isEqualTo(before.curation());
    }
}
