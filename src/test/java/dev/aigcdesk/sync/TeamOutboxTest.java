package dev.aigcdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.library.sqlite.SqliteLibrary;
import dev.aigcdesk.testing.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox's rules on real library files (the team played by a second library through the same port):
 * it keeps what runs, hands over only what is newer, never puts back what the team removed, and lets go
 * of what is done.
 */
class TeamOutboxTest {

    @TempDir
    Path dir;

    private Library team;
    private Library outboxLedger;
    private TeamOutbox outbox;
    private final List<SyncEvent> told = new ArrayList<>();
    private final Instant t0 = Instant.parse("2026-12-01T10:00:00Z");

    @BeforeEach
    void open() throws Exception {
        team = SqliteLibrary.open(dir.resolve("team").resolve("library.db"));
        outboxLedger = SqliteLibrary.open(dir.resolve("outbox").resolve("library.db"));
        SyncEvents events = new SyncEvents();
        events.subscribe(told::add);
        outbox = new TeamOutbox(outboxLedger, events);
    }

    @AfterEach
    void close() {
        team.close();
        outbox.close();
    }

    private void answer(Library l, int n, TaskState state, Instant at) throws Exception {
        l.recordAnswer(
                Tasks.task(
                        Tasks.id(n),
                        state,
                        "prompt " + n,
                        "GEM",
                        t0,
                        state == TaskState.SUCCEEDED
                                ? List.of(Tasks.file("http://cdn.example/" + n + ".png", t0.plusSeconds(7 * 86400)))
                                : List.of()),
                "{\"n\":" + n + ",\"state\":\"" + state + "\"}",
                at);
    }

    @Test
    void keepsWhatRunsAndHandsOverOnlyWhatIsNewer() throws Exception {
        team.add(List.of(Tasks.id(1), Tasks.id(2), Tasks.id(3)), t0);
        answer(team, 1, TaskState.RUNNING, t0.plusSeconds(1));
        answer(team, 2, TaskState.RUNNING, t0.plusSeconds(1));
        answer(team, 3, TaskState.SUCCEEDED, t0.plusSeconds(1));
        outbox.handBack(team);
        outbox.keep(team, team.claimWork(Duration.ZERO));
        // Running tasks, and the finished one whose file waits to be saved.
        assertThat(ids(outboxLedger)).containsExactlyInAnyOrder(1, 2, 3);

        // While the team is away, task 1 finishes and its file is saved here.
        outbox.away();
        answer(outboxLedger, 1, TaskState.SUCCEEDED, t0.plusSeconds(60));
        Path file = Files.writeString(dir.resolve("one.png"), "png bytes");
        outboxLedger.planArchive(Tasks.id(1), 1, file, 9, "a".repeat(64), "b".repeat(64), Set.of());
        outboxLedger.markArchived(Tasks.id(1), 1, t0.plusSeconds(61));
        // Meanwhile another desktop answered task 2 later than this outbox knows it (say, after a takeover).
        answer(team, 2, TaskState.FAILED, t0.plusSeconds(90));

        assertThat(outbox.handBack(team)).isEqualTo(1);
        TaskRecord one = team.find(Tasks.id(1)).orElseThrow();
        assertThat(one.task().state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(one.files().get(0).isArchived()).isTrue();
        assertThat(one.files().get(0).localPath()).isEqualTo(file);
        assertThat(one.files().get(0).sha256Final()).isEqualTo("b".repeat(64));
        assertThat(team.find(Tasks.id(2)).orElseThrow().task().state())
                .as("an older word never overwrites a newer one")
                .isEqualTo(TaskState.FAILED);
        assertThat(told)
                .filteredOn(e -> e instanceof SyncEvent.TaskChanged)
                .as("the window is told what was handed over")
                .hasSize(1);

        // Handing over again changes nothing.
        outbox.away();
        assertThat(outbox.handBack(team)).isZero();

        // What is done lets go: 1 saved, 2 failed; 3 still waits for its file.
        outbox.keep(team, team.claimWork(Duration.ZERO));
        assertThat(ids(outboxLedger)).containsExactly(3);
    }

    @Test
    void aTaskTheTeamRemovedIsNotPutBackFromTheOutbox() throws Exception {
        team.add(List.of(Tasks.id(7)), t0);
        answer(team, 7, TaskState.RUNNING, t0.plusSeconds(1));
        outbox.handBack(team);
        outbox.keep(team, team.claimWork(Duration.ZERO));
        outbox.away();
        answer(outboxLedger, 7, TaskState.SUCCEEDED, t0.plusSeconds(60));
        team.removals().removeAll(List.of(Tasks.id(7)));

        assertThat(outbox.handBack(team)).isZero();
        assertThat(team.count(TaskQuery.ALL)).isZero();
        outbox.keep(team, team.claimWork(Duration.ZERO));
        assertThat(outbox.size()).isZero();
    }

    private static List<Integer> ids(Library l) throws Exception {
        List<Integer> out = new ArrayList<>();
        for (TaskRecord r : l.list(TaskQuery.ALL)) {
            for (int n = 1; n < 10; n++) {
                if (r.id().equals(Tasks.id(n))) {
                    out.add(n);
                }
            }
        }
        return out;
    }
}
