package dev.aigcdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.sqlite.SqliteLibrary;
import dev.aigcdesk.testing.Pictures;
import dev.aigcdesk.testing.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved pictures are looked at once, with progress told: a picture that cannot be read is noted and not
 * tried again; a file that is not on this desktop (a team's, saved elsewhere) is passed over, not noted.
 */
class PictureLooksTest {

    @TempDir
    Path dir;

    private final Instant t0 = Instant.parse("2026-12-01T10:00:00Z");

    private void saved(Library l, int n, Path file) throws Exception {
        l.add(List.of(Tasks.id(n)), t0);
        l.recordAnswer(
                Tasks.task(
                        Tasks.id(n),
                        TaskState.SUCCEEDED,
                        "p" + n,
                        "GEM",
                        t0,
                        List.of(Tasks.file("http://cdn.example/" + n + ".png", t0.plus(Duration.ofDays(7))))),
                "{}",
                t0);
        l.planArchive(Tasks.id(n), 1, file, 1, "d", "f" + n, Set.of());
        l.markArchived(Tasks.id(n), 1, t0);
    }

    @Test
    void looksAtEachSavedPictureOnceAndPassesOverFilesNotHere() throws Exception {
        try (Library l = SqliteLibrary.open(dir.resolve("library.db"))) {
            saved(l, 1, Files.write(dir.resolve("poster.png"), Pictures.bytes(Pictures.poster(256), "png")));
            saved(l, 2, Files.writeString(dir.resolve("broken.png"), "not a picture"));
            saved(l, 3, dir.resolve("elsewhere.png")); // another desktop's file, no copy here
            SyncEvents events = new SyncEvents();
            List<SyncEvent> told = new ArrayList<>();
            events.subscribe(told::add);
            PictureLooks looks = new PictureLooks(l, events);

            assertThat(looks.lookAtSaved()).isEqualTo(2);
            assertThat(l.looks()).hasSize(1).allMatch(r -> r.id().equals(Tasks.id(1)));
            assertThat(l.find(Tasks.id(1))
                            .orElseThrow()
                            .files()
                            .get(0)
                            .palette()
                            .isEmpty())
                    .isFalse();
            assertThat(l.filesWithoutLook(10))
                    .as("the broken one is noted, the one not here is left for its desktop")
                    .extracting(f -> f.taskId())
                    .containsExactly(Tasks.id(3));
            assertThat(told).anyMatch(e -> e instanceof SyncEvent.LooksTaken t && t.done() == 2);

            assertThat(looks.lookAtSaved()).as("once each").isZero();
        }
    }
}
