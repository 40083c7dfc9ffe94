package dev.aigcdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.Catalog;
import dev.aigcdesk.domain.Reach;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.testing.Fixtures;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PollerTest {

    private static final TaskId WAITING = TaskId.parse("1397741205-AigcImageTask-e45ee7ce7e88149af8dd32b27f9512cet");
    private static final TaskId VIDEO = TaskId.parse("1397741205-AigcVideoTask-0a8005f5594bd67041f88c6196192646t");

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private SyncFixture f;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(20);
                    String id = r.getUrl().pathSegments().get(r.getUrl().pathSize() - 1);
                    String body = answers.getOrDefault(id, Fixtures.read("error_task_not_found.json"));
                    return new MockResponse.Builder().body(body).build();
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
        f = new SyncFixture(server, dir, 3);
    }

    @AfterEach
    void stop() {
        f.close();
        server.close();
    }

    @Test
    void recordsEachChangeOnceAndPublishesIt() throws Exception {
        f.ledger.add(List.of(WAITING), f.clock.instant());
        answers.put(WAITING.value(), Fixtures.read("image_waiting.json"));

        PollReport first = f.poller.poll(true);
        assertThat(first.asked()).isEqualTo(1);
        assertThat(first.changed()).isEqualTo(1);
        assertThat(f.ledger.find(WAITING).orElseThrow().task().state()).isEqualTo(TaskState.WAITING);

        assertThat(f.poller.poll(true).changed())
                .as("same answer, no change event")
                .isZero();
        assertThat(f.events(SyncEvent.TaskChanged.class)).hasSize(1);
    }

    @Test
    void waitsLongerForVideosAndForTasksThatDoNotMove() throws Exception {
        f.ledger.add(List.of(WAITING, VIDEO), f.clock.instant());
        answers.put(WAITING.value(), Fixtures.read("image_waiting.json"));
        answers.put(VIDEO.value(), Fixtures.read("video_processing.json"));
        f.poller.poll(false);
        Duration image =
                Duration.between(f.clock.instant(), f.schedule.dueAt(WAITING).orElseThrow());
        Duration video =
                Duration.between(f.clock.instant(), f.schedule.dueAt(VIDEO).orElseThrow());
        assertThat(image).isEqualTo(Duration.ofSeconds(3));
        assertThat(video).isEqualTo(Duration.ofSeconds(10));

        assertThat(f.poller.poll(false).asked()).as("nothing is due yet").isZero();
        f.clock.advance(Duration.ofSeconds(3));
        assertThat(f.poller.poll(false).asked()).isEqualTo(1);
        Duration quiet =
                Duration.between(f.clock.instant(), f.schedule.dueAt(WAITING).orElseThrow());
        assertThat(quiet).as("unchanged: waits 1.5x longer").isEqualTo(Duration.ofMillis(4500));
    }

    @Test
    void isIdleWhenNothingRuns() throws Exception {
        TaskId done = TaskId.parse("1397741205-AigcImageTask-96a3be3cf272e017046d1b2674a52bd3t");
        f.ledger.add(List.of(done), f.clock.instant());
        answers.put(done.value(), Fixtures.read("image_finish_single.json"));
        f.poller.poll(true);
        int before = server.getRequestCount();
        assertThat(f.poller.poll(true)).isEqualTo(PollReport.NOTHING);
        assertThat(server.getRequestCount()).isEqualTo(before);
        assertThat(f.poller.nextDue()).isEmpty();
    }

    @Test
    void concurrencyIsBounded() throws Exception {
        for (int i = 0; i < 12; i++) {
            TaskId id = TaskId.parse(String.format("1397741205-AigcImageTask-%032xt", i));
            f.ledger.add(List.of(id), f.clock.instant());
            answers.put(id.value(), Fixtures.read("image_waiting.json"));
        }
        PollReport r = f.poller.poll(true);
        assertThat(r.asked()).isEqualTo(12);
        assertThat(maxInFlight.get()).isBetween(1, 3);
    }

    @Test
    void neverSeenAndNotFoundThreeTimesIsMarkedUnknownButKept() throws Exception {
        f.ledger.add(List.of(WAITING), f.clock.instant());
        for (int i = 0; i < 3; i++) {
            f.poller.poll(true);
        }
        TaskRecord r = f.ledger.find(WAITING).orElseThrow();
        assertThat(r.reach()).isEqualTo(Reach.NOT_FOUND);
        assertThat(f.events(SyncEvent.ReachChanged.class))
                .singleElement()
                .satisfies(e -> assertThat(e.reach()).isEqualTo(Reach.NOT_FOUND));
        assertThat(f.poller.poll(true)).isEqualTo(PollReport.NOTHING);
    }

    @Test
    void seenThenNotFoundIsOutOfReachWithItsRecordIntact() throws Exception {
        f.ledger.add(List.of(VIDEO), f.clock.instant());
        answers.put(VIDEO.value(), Fixtures.read("video_processing.json"));
        f.poller.poll(true);
        answers.remove(VIDEO.value());
        for (int i = 0; i < 3; i++) {
            f.poller.poll(true);
        }
        TaskRecord r = f.ledger.find(VIDEO).orElseThrow();
        assertThat(r.reach()).isEqualTo(Reach.OUT_OF_REACH);
        assertThat(r.task().prompt()).isEqualTo("slow dolly-in on a steaming bowl of ramen, cinematic lighting");
        assertThat(r.task().progress()).isEqualTo(40);
        assertThat(f.ledger.raw(VIDEO).latest()).contains("PROCESSING");
    }

    @Test
    void tasksPastTheQueryWindowAreStillAskedWhileTheServiceAnswers() throws Exception {
        f.ledger.add(List.of(VIDEO), f.clock.instant());
        answers.put(VIDEO.value(), Fixtures.read("video_processing.json"));
        f.poller.poll(true);
        // Four days after it was created, the service still answers: the task stays reachable and is asked again.
        f.clock.set(Instant.parse("2026-05-24T12:00:00Z"));
        int before = server.getRequestCount();
        f.poller.poll(true);
        assertThat(server.getRequestCount())
                .as("an explicit sync asks every running task")
                .isEqualTo(before + 1);
        assertThat(f.ledger.find(VIDEO).orElseThrow().reach()).isEqualTo(Reach.REACHABLE);
        assertThat(f.ledger.activeCount()).isEqualTo(1);

        // In the background it is asked only now and then (hourly), not every 10 s.
        f.clock.set(f.clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(f.poller.poll(false).asked()).isZero();
        f.clock.set(f.clock.instant().plus(Duration.ofMinutes(51)));
        assertThat(f.poller.poll(false).asked()).isEqualTo(1);

        // Once it finishes, its record says so.
        answers.put(VIDEO.value(), Fixtures.read("video_finish_mp4.json"));
        f.poller.poll(true);
        assertThat(f.ledger.find(VIDEO).orElseThrow().task().state()).isEqualTo(TaskState.SUCCEEDED);
    }

    @Test
    void rejectedKeyForEveryTaskIsReportedAsARejectedKey() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return new MockResponse.Builder()
                        .code(401)
                        .body(Fixtures.read("aggregator_401.json"))
                        .build();
            }
        });
        f.ledger.add(List.of(WAITING, VIDEO), f.clock.instant());
        PollReport r = f.poller.poll(true);
        assertThat(r.asked()).isEqualTo(2);
        assertThat(r.keyRejected()).isTrue();
        assertThat(f.events(SyncEvent.QueryFailed.class))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.keyRejected()).isTrue());
        assertThat(Catalog.english()
                        .problem(f.ledger.find(WAITING).orElseThrow().lastError()))
                .contains("refused the API key");
    }

    @Test
    void oneRefusedTaskDoesNotStopThePass() throws Exception {
        answers.put(VIDEO.value(), Fixtures.read("video_finish_mp4.json"));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String id = r.getUrl().pathSegments().get(r.getUrl().pathSize() - 1);
                if (id.equals(WAITING.value())) {
                    return new MockResponse.Builder()
                            .code(401)
                            .body(Fixtures.read("aggregator_401.json"))
                            .build();
                }
                return new MockResponse.Builder().body(answers.get(id)).build();
            }
        });
        f.ledger.add(List.of(WAITING, VIDEO), f.clock.instant());
        PollReport r = f.poller.poll(true);
        assertThat(r.keyRejected()).as("not every query was refused").isFalse();
        assertThat(r.refused()).containsExactly(WAITING);
        assertThat(f.ledger.find(VIDEO).orElseThrow().task().state())
                .as("the other task was still asked")
                .isEqualTo(TaskState.SUCCEEDED);
    }
}
