package dev.aigcdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.testing.Fixtures;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background loop: it retries after the network comes back, and refuses a second sync of one library. */
class SyncServiceTest {

    private static final TaskId TASK = TaskId.parse("1397741205-AigcImageTask-e45ee7ce7e88149af8dd32b27f9512cet");

    @TempDir
    Path dir;

    @Test
    void afterAnOfflinePassItAsksAgainByItself() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest r) {
                    // The network is down until the test says otherwise.
                    if (down.get()) {
                        return new MockResponse.Builder()
                                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                                .build();
                    }
                    return new MockResponse.Builder()
                            .body(Fixtures.read("image_waiting.json"))
                            .build();
                }
            });
            server.start(InetAddress.getLoopbackAddress(), 0);
            PollSchedule.Intervals d = PollSchedule.Intervals.DEFAULT;
            PollSchedule.Intervals quickRetry = new PollSchedule.Intervals(
                    d.image(), d.video(), d.maxQuiet(), d.maxBackoff(), Duration.ofMillis(200), d.pastWindow());
            try (SyncFixture f = new SyncFixture(server, dir, 2, quickRetry)) {
                f.ledger.add(List.of(TASK), f.clock.instant());
                try (SyncService sync = SyncService.start(f.poller, f.archiver, f.ledger, f.clock)) {
                    sync.startBackground();
                    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    while (System.nanoTime() < deadline
                            && f.events(SyncEvent.QueryFailed.class).stream()
                                    .noneMatch(SyncEvent.QueryFailed::offline)) {
                        Thread.sleep(50);
                    }
                    down.set(false); // the network is back; nobody presses refresh
                    while (System.nanoTime() < deadline
                            && f.ledger.find(TASK).orElseThrow().task().state() != TaskState.WAITING) {
                        Thread.sleep(50);
                    }
                }
                assertThat(f.ledger.find(TASK).orElseThrow().task().state()).isEqualTo(TaskState.WAITING);
                assertThat(f.events(SyncEvent.QueryFailed.class))
                        .anySatisfy(e -> assertThat(e.offline()).isTrue());
                assertThat(f.events(SyncEvent.TaskChanged.class)).isNotEmpty();
            }
        }
    }

    @Test
    void aSecondSyncOfTheSameLibraryIsRefusedWithAReason() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(InetAddress.getLoopbackAddress(), 0);
            try (SyncFixture f = new SyncFixture(server, dir, 1);
                    SyncService first = SyncService.start(f.poller, f.archiver, f.ledger, f.clock)) {
                LibraryException e = Assertions.catchThrowableOfType(
                        LibraryException.class, () -> SyncService.start(f.poller, f.archiver, f.ledger, f.clock));
                assertThat(e.kind()).isEqualTo(LibraryException.Kind.LOCKED);
                assertThat(e.getMessage()).contains("already refreshing and archiving this library");
                assertThat(first).isNotNull();
            }
        }
    }
}
