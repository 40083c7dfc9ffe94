package dev.aigcdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.testing.Images;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pixels of saved pictures, which the gallery lays its rows out by and the service does not say. */
class SavedPicturesTest {

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private byte[] png;
    private SyncFixture f;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return SyncFixture.PNG_PATH.equals(r.getUrl().encodedPath()) && png != null
                        ? new MockResponse.Builder()
                                .body(new Buffer().write(png))
                                .build()
                        : new MockResponse.Builder().code(404).build();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
        f = new SyncFixture(server, dir, 2);
    }

    @AfterEach
    void stop() {
        f.close();
        server.close();
    }

    private FileRecord only(TaskId id) throws Exception {
        return f.ledger.find(id).orElseThrow().files().get(0);
    }

    @Test
    void aSavedPictureHasItsPixelsNotedAndOnesSavedBeforeAreMeasuredOnce() throws Exception {
        png = Images.encode(64, 48, "png");
        f.recordFinished("image_finish_single.json", SyncFixture.PNG_TASK);
        f.archiver.archivePending(false);
        FileRecord saved = only(SyncFixture.PNG_TASK);
        assertThat(new Long[] {saved.file().width(), saved.file().height()})
                .as("noted while saving")
                .containsExactly(64L, 48L);

        // As an older version left it: saved, pixels never noted; and a saved file that is not a readable picture.
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + f.ledger.file())) {
            c.createStatement().executeUpdate("UPDATE output_file SET width = NULL, height = NULL");
        }
        assertThat(only(SyncFixture.PNG_TASK).file().width()).isNull();
        Files.write(saved.localPath(), Images.encode(30, 90, "png"));
        assertThat(f.archiver.measureSavedPictures(1))
                .as("batches until none is left")
                .isEqualTo(1);
        assertThat(new Long[] {
                    only(SyncFixture.PNG_TASK).file().width(),
                    only(SyncFixture.PNG_TASK).file().height()
                })
                .containsExactly(30L, 90L);
        assertThat(f.archiver.measureSavedPictures(10)).as("measured once").isZero();

        try (var c = DriverManager.getConnection("jdbc:sqlite:" + f.ledger.file())) {
            c.createStatement().executeUpdate("UPDATE output_file SET width = NULL, height = NULL");
        }
        Files.write(saved.localPath(), new byte[] {1, 2, 3});
        assertThat(f.archiver.measureSavedPictures(10)).isEqualTo(1);
        assertThat(only(SyncFixture.PNG_TASK).file().width())
                .as("unreadable: noted as unknown, not read again")
                .isZero();
        assertThat(f.archiver.measureSavedPictures(10)).isZero();
        assertThat(f.ledger.shapes(TaskQuery.ALL).ratios())
                .as("unknown pixels and no aspect ratio asked for: unknown (square)")
                .containsExactly(0f);
    }
}
