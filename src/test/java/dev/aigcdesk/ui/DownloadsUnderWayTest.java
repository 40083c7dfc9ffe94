package dev.aigcdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.sqlite.SqliteLibrary;
import dev.aigcdesk.sync.PollSchedule;
import dev.aigcdesk.sync.SyncEvent;
import dev.aigcdesk.sync.SyncEvents;
import dev.aigcdesk.testing.MutableClock;
import dev.aigcdesk.testing.Tasks;
import dev.aigcdesk.ui.common.Desk;
import dev.aigcdesk.ui.common.UiExecutor;
import dev.aigcdesk.ui.status.SavingNow;
import dev.aigcdesk.ui.status.StatusViewModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's sum of the downloads under way (the status bar's "Saving 2 files · 25%"), on a real ledger. */
class DownloadsUnderWayTest {

    @TempDir
    Path dir;

    private Library ledger;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-20T12:00:00Z"));

    @BeforeEach
    void open() throws Exception {
        ledger = SqliteLibrary.open(dir.resolve("library.db"));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void downloadsUnderWayAreSummedUntilEachFileIsSavedFailedOrLost() throws Exception {
        SyncEvents events = new SyncEvents();
        Desk withEvents = new Desk(
                ledger,
                null,
                events,
                null,
                null,
                clock,
                dir.resolve("archive"),
                false,
                true,
                PollSchedule.Intervals.DEFAULT);
        var vm = new StatusViewModel(
                withEvents.ledger(),
                withEvents.events(),
                withEvents,
                withEvents.clock(),
                withEvents::say,
                UiExecutor.IMMEDIATE);
        assertThat(events.wantsProgress())
                .as("the window listens, so the archiver sends progress")
                .isTrue();
        ledger.add(List.of(Tasks.id(1)), clock.instant());
        ledger.recordAnswer(
                Tasks.task(
                        Tasks.id(1),
                        TaskState.SUCCEEDED,
                        "two clips",
                        "GEM",
                        clock.instant(),
                        List.of(
                                Tasks.file("http://x/a.mp4", clock.instant()),
                                Tasks.file("http://x/b.mp4", clock.instant()))),
                "{}",
                clock.instant());
        var files = ledger.find(Tasks.id(1)).orElseThrow().files();

        events.publish(new SyncEvent.DownloadProgress(Tasks.id(1), 1, 30_000_000, 100_000_000));
        events.publish(new SyncEvent.DownloadProgress(Tasks.id(1), 2, 20_000_000, 100_000_000));
        assertThat(vm.savingNowProperty().get()).isEqualTo(new SavingNow(2, 50_000_000, 200_000_000));
        assertThat(vm.savingNowProperty().get().percent()).isEqualTo(25);

        events.publish(new SyncEvent.FileFailed(files.get(1), "reset by peer", true));
        assertThat(vm.savingNowProperty().get())
                .as("a failed download is no longer under way")
                .isEqualTo(new SavingNow(1, 30_000_000, 100_000_000));
        events.publish(new SyncEvent.DownloadProgress(Tasks.id(1), 1, 100_000_000, 100_000_000));
        assertThat(vm.savingNowProperty().get()).as("the last bytes end it").isEqualTo(SavingNow.NONE);

        events.publish(new SyncEvent.DownloadProgress(Tasks.id(1), 2, 12_500_000, -1));
        assertThat(vm.savingNowProperty().get().percent())
                .as("a server that did not say the size: no per cent")
                .isEqualTo(-1);
        assertThat(vm.savingNowProperty().get().megabytes()).isEqualTo(12);
        events.publish(new SyncEvent.FileArchived(files.get(1), dir.resolve("b.mp4"), true));
        assertThat(vm.savingNowProperty().get()).isEqualTo(SavingNow.NONE);

        vm.close();
        assertThat(events.wantsProgress())
                .as("a closed window stops the progress")
                .isFalse();
    }
}
