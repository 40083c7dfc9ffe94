package dev.aigcdesk.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.OutputConfig;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskTimes;
import dev.aigcdesk.library.sqlite.SqliteLibrary;
import dev.aigcdesk.testing.Tasks;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the gallery lays its rows out by: each listed task's sort date and picture shape, read from a real library file. */
class ShapeQueryTest {

    private static final Instant NOW = Instant.parse("2026-05-20T12:00:00Z");

    @TempDir
    Path dir;

    private Library ledger;

    @BeforeEach
    void open() throws Exception {
        ledger = SqliteLibrary.open(dir.resolve("lib/library.db"));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void theGallerysShapesComeFromThePicturesPixelsElseTheAspectAskedForInTheListsOrder() throws Exception {
        // 1: pixels noted when archived (a portrait, though 1:1 was asked for); 2: 16:9 asked for; 3: "auto"; 4: not
        // dated yet.
        ledger.recordAnswer(Tasks.finishedPng(1, "p1", "GEM", NOW), "{}", NOW);
        ledger.recordPixels(Tasks.id(1), 1, 600, 900);
        GenerationTask wide = Tasks.finishedPng(2, "p2", "GEM", NOW);
        ledger.recordAnswer(
                new GenerationTask(
                        wide.id(),
                        wide.kind(),
                        wide.state(),
                        100,
                        "p2",
                        null,
                        null,
                        "GEM",
                        "1",
                        null,
                        null,
                        null,
                        new OutputConfig(null, null, "16:9", null, null, null, null, null),
                        List.of(),
                        new TaskTimes(NOW.minusSeconds(30), NOW.minusSeconds(30), NOW),
                        null,
                        null,
                        wide.outputs()),
                "{}",
                NOW);
        GenerationTask auto = Tasks.finishedPng(3, "p3", "GEM", NOW);
        ledger.recordAnswer(
                new GenerationTask(
                        auto.id(),
                        auto.kind(),
                        auto.state(),
                        100,
                        "p3",
                        null,
                        null,
                        "GEM",
                        "1",
                        null,
                        null,
                        null,
                        new OutputConfig(null, null, "auto", null, null, null, null, null),
                        List.of(),
                        auto.times(),
                        null,
                        null,
                        auto.outputs()),
                "{}",
                NOW);
        ledger.add(List.of(Tasks.id(4)), NOW);
        // A later answer without pixels (as the service sends for images) does not forget them.
        ledger.recordAnswer(Tasks.finishedPng(1, "p1", "GEM", NOW), "{}", NOW.plusSeconds(1));

        TaskShapes shapes = ledger.shapes(TaskQuery.ALL);
        List<TaskRecord> listed = ledger.list(TaskQuery.ALL);
        assertThat(shapes.size()).isEqualTo(listed.size()).isEqualTo(4);
        Map<TaskId, Float> byId = new HashMap<>();
        for (int i = 0; i < listed.size(); i++) {
            byId.put(listed.get(i).id(), shapes.ratios()[i]);
            Instant created = listed.get(i).task().times().created();
            assertThat(shapes.times()[i])
                    .as("the sort date, in the list's order")
                    .isEqualTo(created == null ? TaskShapes.UNDATED : created.toEpochMilli());
        }
        assertThat(byId.get(Tasks.id(1)))
                .as("the pixels win over the 1:1 asked for")
                .isEqualTo(600f / 900f);
        assertThat(byId.get(Tasks.id(2))).isEqualTo(16f / 9f);
        assertThat(byId.get(Tasks.id(3))).as("auto: unknown").isZero();
        assertThat(byId.get(Tasks.id(4))).as("no answer yet: unknown").isZero();
        assertThat(ledger.shapes(TaskQuery.of(LibraryFilter.NONE.withText("p2")))
                        .ratios())
                .containsExactly(16f / 9f);
        // The same rule from records at hand (the gallery lays out a first page with it before all are read).
        TaskShapes fromRecords = TaskShapes.of(listed, TaskQuery.ALL.sort());
        assertThat(fromRecords.ratios()).containsExactly(shapes.ratios());
        assertThat(fromRecords.times()).containsExactly(shapes.times());
        assertThat(TaskShapes.ratioOf("9:21")).isEqualTo(9f / 21f);
        assertThat(TaskShapes.ratioOf("0:1")).isZero();
        assertThat(TaskShapes.ratioOf("x:y")).isZero();
        assertThat(TaskShapes.ratioOf("")).isZero();
    }
}
