package dev.aigcdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.ArchiveState;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the status bar's "Saving 1 file · 45%" is made of: the archiver's progress for a file on a slow link. */
class DownloadProgressTest {

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final byte[] body = new byte[600 * 1024];
    private SyncFixture f;

    @BeforeEach
    void start() throws Exception {
        new Random(7).nextBytes(body);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                // A slow link: 64 KB every 60 ms, so the download takes about half a second.
                return SyncFixture.PNG_PATH.equals(r.getUrl().encodedPath())
                        ? new MockResponse.Builder()
                                .body(new Buffer().write(body))
                                .throttleBody(64 * 1024, 60, TimeUnit.MILLISECONDS)
                                .build()
                        : new MockResponse.Builder().code(404).build();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
        f = new SyncFixture(server, dir, 2);
        f.recordFinished("image_finish_single.json", SyncFixture.PNG_TASK);
    }

    @AfterEach
    void stop() {
        f.close();
        server.close();
    }

    @Test
    void aListenerHearsTheBytesComeInAndTheEnd() throws Exception {
        List<SyncEvent.DownloadProgress> heard = Collections.synchronizedList(new ArrayList<>());
        try (AutoCloseable ignored = f.events.subscribeProgress(heard::add)) {
            f.archiver.archivePending(false);
        }
        assertThat(f.ledger
                        .find(SyncFixture.PNG_TASK)
                        .orElseThrow()
                        .files()
                        .get(0)
                        .state())
                .isEqualTo(ArchiveState.ARCHIVED);
        assertThat(heard)
                .as("a few times a second while it downloads, then the end")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(heard).allSatisfy(p -> {
            assertThat(p.id()).isEqualTo(SyncFixture.PNG_TASK);
            assertThat(p.index()).isEqualTo(1);
            assertThat(p.total()).isEqualTo(body.length);
        });
        assertThat(heard.stream().mapToLong(SyncEvent.DownloadProgress::done).toArray())
                .as("never backwards")
                .isSorted();
        assertThat(heard.get(heard.size() - 1).done())
                .as("the last says it is all there")
                .isEqualTo(body.length);
        assertThat(f.events(SyncEvent.DownloadProgress.class))
                .as("progress is kept from the other listeners")
                .isEmpty();
    }
}
