package dev.aigcdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.Reach;
import dev.aigcdesk.domain.Standing;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.sqlite.SqliteLibrary;
import dev.aigcdesk.testing.Tasks;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Words;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** States that never contradict each other: what the badge says, on a real ledger. */
class StandingTest {

    private static final Instant NOW = Instant.parse("2026-05-20T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void lostNotFoundAndOutOfReachAreSaidAsSuchWithoutASpinner() throws Exception {
        try (Library ledger = SqliteLibrary.open(dir.resolve("library.db"))) {
            ledger.recordAnswer(
                    Tasks.task(
                            Tasks.id(1),
                            TaskState.SUCCEEDED,
                            "kept",
                            "GEM",
                            NOW,
                            List.of(Tasks.file("http://x/a.png", NOW))),
                    "{}",
                    NOW);
            assertThat(ledger.find(Tasks.id(1)).orElseThrow().standing()).isEqualTo(Standing.SUCCEEDED);
            ledger.markFile(Tasks.id(1), 1, ArchiveState.EXPIRED, "gone");
            assertThat(ledger.find(Tasks.id(1)).orElseThrow().standing())
                    .as("a lost output is not 'Done'")
                    .isEqualTo(Standing.LOST);

            ledger.add(List.of(Tasks.id(2)), NOW);
            ledger.setReach(Tasks.id(2), Reach.NOT_FOUND, "unknown id");
            Standing notFound = ledger.find(Tasks.id(2)).orElseThrow().standing();
            assertThat(notFound).isEqualTo(Standing.NOT_FOUND);
            assertThat(notFound.moving()).as("no spinner").isFalse();

            ledger.recordAnswer(Tasks.task(Tasks.id(3), TaskState.RUNNING, "stuck", "GEM", NOW, List.of()), "{}", NOW);
            ledger.setReach(Tasks.id(3), Reach.OUT_OF_REACH, "no longer answered");
            assertThat(ledger.find(Tasks.id(3)).orElseThrow().standing()).isEqualTo(Standing.OUT_OF_REACH);
            assertThat(ledger.activeCount()).as("not counted as running").isZero();

            Words words = new Words(new I18n(Locale.ENGLISH), ZoneOffset.UTC);
            assertThat(words.standing(Standing.LOST)).isEqualTo("Lost");
            assertThat(words.standing(Standing.ABORTED))
                    .as("an aborted task stopped; it did not fail")
                    .isEqualTo("Stopped");
        }
    }
}
