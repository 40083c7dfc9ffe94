package dev.aigcdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.download.Hashes;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.library.sqlite.SqliteLibrary;
import dev.aigcdesk.testing.Fixtures;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -9} in the middle of a sync, then a restart: nothing committed is lost, nothing half-written is at a final path. */
class CrashRecoveryTest {

    private static final TaskId VIDEO = TaskId.parse("1397741205-AigcVideoTask-fad6f4e614a212e80c67249a666d2b09t");
    private static final String FILE_PATH = "/1a168d62vodcq251000800/0516f54f5145403719984447818/aigcVideoGenFile.mp4";
    private static final int SIZE = 6913402;

    @TempDir
    Path home;

    @Test
    void killedDuringADownloadResumesAndLosesNothing() throws Exception {
        byte[] video = new byte[SIZE];
        new Random(11).nextBytes(video);
        List<String> ranges = new CopyOnWriteArrayList<>();
        try (MockWebServer server = new MockWebServer()) {
            String expires = Instant.now()
                    .plus(7, ChronoUnit.DAYS)
                    .truncatedTo(ChronoUnit.SECONDS)
                    .toString();
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest r) {
                    if (r.getUrl().encodedPath().startsWith("/tencent-vod/")) {
                        String body = Fixtures.read("video_finish_mp4.json")
                                .replace(
                                        "http://251000800.vod2.myqcloud.com/",
                                        server.url("/").toString())
                                .replace("2026-05-27T07:33:48Z", expires);
                        return new MockResponse.Builder().body(body).build();
                    }
                    String range = r.getHeaders().get("Range");
                    ranges.add(range == null ? "" : range);
                    int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
                    MockResponse.Builder b = new MockResponse.Builder()
                            .body(new Buffer().write(video, from, SIZE - from))
                            .throttleBody(128 * 1024, 50, TimeUnit.MILLISECONDS);
                    if (range != null) {
                        b.code(206).setHeader("Content-Range", "bytes " + from + "-" + (SIZE - 1) + "/" + SIZE);
                    }
                    return b.build();
                }
            });
            server.start(InetAddress.getLoopbackAddress(), 0);

            assertThat(launch(server, "add", VIDEO.value()).waitFor(60, TimeUnit.SECONDS))
                    .isTrue();
            Process first = launch(server, "sync", "--watch");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Path partial = null;
            while (System.nanoTime() < deadline && partial == null) {
                partial = findPart(home.resolve("archive/.incoming"));
                if (partial != null && Files.size(partial) < 512 * 1024) {
                    partial = null;
                }
                Thread.sleep(50);
            }
            assertThat(partial).as("the first run got part of the way").isNotNull();
            first.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(finalFiles()).as("no partial file at a final path").isEmpty();
            try (Library ledger = SqliteLibrary.open(home.resolve("data/library.db"))) {
                TaskRecord r = ledger.find(VIDEO).orElseThrow();
                assertThat(r.task().state()).as("the committed answer survived").isEqualTo(TaskState.SUCCEEDED);
                assertThat(r.files().get(0).state()).isEqualTo(ArchiveState.PENDING);
            }
            long partSize = Files.size(partial);

            Process second = launch(server, "sync", "--watch");
            assertThat(second.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isZero();

            assertThat(ranges)
                    .as("the restart resumed where the first run stopped")
                    .anySatisfy(r -> assertThat(r).startsWith("bytes="));
            long resumedFrom = ranges.stream()
                    .filter(r -> !r.isEmpty())
                    .mapToLong(r -> Long.parseLong(r.replaceAll("bytes=(\\d+)-", "$1")))
                    .max()
                    .orElse(0);
            assertThat(resumedFrom).isPositive().isLessThanOrEqualTo(partSize);
            try (Library ledger = SqliteLibrary.open(home.resolve("data/library.db"))) {
                FileRecord f = ledger.find(VIDEO).orElseThrow().files().get(0);
                assertThat(f.state()).isEqualTo(ArchiveState.ARCHIVED);
                assertThat(Hashes.sha256(f.localPath()))
                        .isEqualTo(Hashes.sha256(video))
                        .isEqualTo(f.sha256Final());
            }
            assertThat(finalFiles()).hasSize(2); // the video and its sidecar
            assertThat(partial).as("the part file was moved into place").doesNotExist();
        }
    }

    private Process launch(MockWebServer server, String... command) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> args = new ArrayList<>(List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.aigcdesk.Launcher",
                "--home",
                home.toString(),
                "--api-base",
                server.url("/").toString()));
        args.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(args)
                .redirectErrorStream(true)
                .redirectOutput(
                        home.resolve("child-" + System.nanoTime() + ".log").toFile());
        pb.environment().remove("AIGC_DESK_API_KEY");
        return pb.start();
    }

    private static Path findPart(Path incoming) throws Exception {
        if (!Files.isDirectory(incoming)) {
            return null;
        }
        try (Stream<Path> s = Files.list(incoming)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".part"))
                    .findFirst()
                    .orElse(null);
        }
    }

    private List<Path> finalFiles() throws Exception {
        Path archive = home.resolve("archive");
        if (!Files.isDirectory(archive)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(archive)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(archive.resolve(".incoming")))
                    .toList();
        }
    }
}
