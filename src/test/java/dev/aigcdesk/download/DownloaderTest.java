package dev.aigcdesk.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aigcdesk.pacing.RetryPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DownloaderTest {

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final List<Duration> pauses = new ArrayList<>();
    private final Downloader downloader = new Downloader(
            new OkHttpClient(),
            new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5)),
            pauses::add,
            RandomGenerator.getDefault());
    private final byte[] payload = randomBytes(300_000);

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(7).nextBytes(b);
        return b;
    }

    private MockResponse full() {
        return new MockResponse.Builder().body(new Buffer().write(payload)).build();
    }

    private DownloadRequest request(String name) {
        return new DownloadRequest(server.url("/files/a.png").toString(), dir, name, null);
    }

    @Test
    void savesByteIdenticalFileWithItsHash() throws Exception {
        server.enqueue(full());
        DownloadResult r = downloader.download(request("out.png"), DownloadProgress.NONE);

        assertThat(r.file()).isEqualTo(dir.resolve("out.png"));
        assertThat(Files.readAllBytes(r.file())).isEqualTo(payload);
        assertThat(r.size()).isEqualTo(payload.length);
        assertThat(r.sha256()).isEqualTo(Hashes.sha256(payload));
        assertThat(r.alreadyPresent()).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temp file is left behind").containsExactly(dir.resolve("out.png"));
        }
    }

    @Test
    void resumesWithRangeAfterADrop() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String range = request.getHeaders().get("Range");
                if (range == null) {
                    return new MockResponse.Builder()
                            .body(new Buffer().write(payload))
                            .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                            .build();
                }
                int from = Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
                return new MockResponse.Builder()
                        .code(206)
                        .setHeader("Content-Range", "bytes " + from + "-" + (payload.length - 1) + "/" + payload.length)
                        .body(new Buffer().write(payload, from, payload.length - from))
                        .build();
            }
        });

        DownloadResult r = downloader.download(request("video.mp4"), DownloadProgress.NONE);

        assertThat(Files.readAllBytes(r.file())).isEqualTo(payload);
        server.takeRequest();
        RecordedRequest resumed = server.takeRequest();
        assertThat(resumed.getHeaders().get("Range")).matches("bytes=[1-9]\\d*-");
        assertThat(pauses).hasSize(1);
    }

    @Test
    void resumesALeftoverPartFileFromAnEarlierRun() throws Exception {
        Files.write(dir.resolve(".keep.png.part"), Arrays.copyOf(payload, 1000));
        server.enqueue(new MockResponse.Builder()
                .code(206)
                .setHeader("Content-Range", "bytes 1000-" + (payload.length - 1) + "/" + payload.length)
                .body(new Buffer().write(payload, 1000, payload.length - 1000))
                .build());

        DownloadResult r = downloader.download(request("keep.png"), DownloadProgress.NONE);

        assertThat(server.takeRequest().getHeaders().get("Range")).isEqualTo("bytes=1000-");
        assertThat(Files.readAllBytes(r.file())).isEqualTo(payload);
    }

    @Test
    void truncatedBodyIsRetriedNotSaved() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .body(new Buffer().write(payload))
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        server.enqueue(full());
        DownloadResult r = downloader.download(
                new DownloadRequest(server.url("/x.png").toString(), dir, "t.png", (long) payload.length),
                DownloadProgress.NONE);
        assertThat(Files.readAllBytes(r.file())).isEqualTo(payload);
    }

    @Test
    void skipsAFileAlreadyThereWithTheSameBytes() throws Exception {
        Files.write(dir.resolve("same.png"), payload);
        server.enqueue(full());
        DownloadResult r = downloader.download(request("same.png"), DownloadProgress.NONE);
        assertThat(r.alreadyPresent()).isTrue();
        assertThat(r.file()).isEqualTo(dir.resolve("same.png"));
    }

    @Test
    void neverOverwritesADifferentFile() throws Exception {
        Files.writeString(dir.resolve("mine.png"), "the designer's own file");
        server.enqueue(full());
        DownloadResult r = downloader.download(request("mine.png"), DownloadProgress.NONE);
        assertThat(r.file()).isEqualTo(dir.resolve("mine (2).png"));
        assertThat(Files.readString(dir.resolve("mine.png"))).isEqualTo("the designer's own file");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "file:///etc/passwd",
                "ftp://example.com/a.png",
                "javascript:alert(1)",
                "data:image/png;base64,AAAA",
                "not a url",
                "//evil/x.png",
                ""
            })
    void refusesAnythingButHttp(String url) {
        DownloadException e = catchThrowableOfType(
                DownloadException.class,
                () -> downloader.download(new DownloadRequest(url, dir, "x.png", null), DownloadProgress.NONE));
        assertThat(e.reason()).isEqualTo(DownloadException.Reason.REFUSED);
        assertThat(e.getMessage()).contains("only http and https");
        assertThat(server.getRequestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"../../escape.png", "..", "/etc/cron.d/x", "..\\..\\win.png", "a/../../b.png", "sub/dir/file.png"
            })
    void traversalNamesStayInsideTheFolder(String name) throws Exception {
        server.enqueue(full());
        DownloadResult r = downloader.download(request(name), DownloadProgress.NONE);
        assertThat(r.file().getParent()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(Files.readAllBytes(r.file())).isEqualTo(payload);
        try (var walk = Files.walk(dir.getParent(), 1)) {
            assertThat(walk.filter(p -> p.getFileName().toString().contains("escape")))
                    .isEmpty();
        }
    }

    @Test
    void goneFileIsNotRetried() {
        server.enqueue(new MockResponse.Builder().code(404).build());
        DownloadException e = catchThrowableOfType(
                DownloadException.class, () -> downloader.download(request("g.png"), DownloadProgress.NONE));
        assertThat(e.reason()).isEqualTo(DownloadException.Reason.GONE);
        assertThat(e.getMessage()).contains("may have expired");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aCompleteTransferWhoseSizeDisagreesWithTheMetadataIsKeptAndFlagged() throws Exception {
        server.enqueue(full());
        DownloadResult r = downloader.download(
                new DownloadRequest(server.url("/a.mp4").toString(), dir, "a.mp4", 12345L), DownloadProgress.NONE);
        assertThat(r.sizeDisagrees()).isTrue();
        assertThat(Files.readAllBytes(r.file()))
                .as("the bytes as served, not thrown away")
                .isEqualTo(payload);
        assertThat(server.getRequestCount())
                .as("not retried forever: once is enough")
                .isEqualTo(1);
    }

    @Test
    void filesAreNamedByWhatTheirBytesAre() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1};
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(jpeg)).build());
        DownloadResult r = downloader.download(
                new DownloadRequest(server.url("/x.png").toString(), dir, "shot.png", null), DownloadProgress.NONE);
        assertThat(r.file().getFileName().toString()).isEqualTo("shot.jpg");
        assertThat(r.type()).isEqualTo("jpg");
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(webp)).build());
        assertThat(downloader
                        .download(
                                new DownloadRequest(server.url("/y").toString(), dir, "y.bin", null),
                                DownloadProgress.NONE)
                        .file())
                .hasFileName("y.webp");
    }

    @Test
    void anEndlessBodyIsCutOffAtTheCapAndNothingStays() throws Exception {
        Downloader capped = new Downloader(
                new OkHttpClient(),
                new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO),
                d -> {},
                RandomGenerator.getDefault(),
                new Downloader.Limits(100_000, Duration.ofSeconds(30)));
        // No Content-Length (chunked): only the bytes themselves tell.
        server.enqueue(new MockResponse.Builder()
                .chunkedBody(new Buffer().write(payload), 8192)
                .build());
        DownloadException e = catchThrowableOfType(
                DownloadException.class,
                () -> capped.download(
                        new DownloadRequest(server.url("/big").toString(), dir, "big.mp4", null),
                        DownloadProgress.NONE));
        assertThat(e.reason()).isEqualTo(DownloadException.Reason.TOO_LARGE);
        assertThat(e.isRetryable()).isFalse();
        try (var left = Files.list(dir)) {
            assertThat(left).as("no partial file, staged or final").isEmpty();
        }
    }

    @Test
    void anAnnouncedLengthOverTheCapIsRefusedBeforeDownloading() throws Exception {
        Downloader capped = new Downloader(
                new OkHttpClient(),
                new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO),
                d -> {},
                RandomGenerator.getDefault(),
                new Downloader.Limits(100_000, Duration.ofSeconds(30)));
        server.enqueue(full());
        DownloadException e = catchThrowableOfType(
                DownloadException.class,
                () -> capped.download(
                        new DownloadRequest(server.url("/big").toString(), dir, "big.mp4", null),
                        DownloadProgress.NONE));
        assertThat(e.reason()).isEqualTo(DownloadException.Reason.TOO_LARGE);
        assertThat(e.getMessage()).contains("MiB");
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aDrippingServerIsCutOffByTheDeadlineAndResumedLater() throws Exception {
        Downloader impatient = new Downloader(
                new OkHttpClient(),
                new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO),
                d -> {},
                RandomGenerator.getDefault(),
                new Downloader.Limits(Long.MAX_VALUE, Duration.ofMillis(700)));
        // One 1 KiB chunk every 200 ms: each read is quick, the whole would take a minute.
        server.enqueue(new MockResponse.Builder()
                .body(new Buffer().write(payload))
                .throttleBody(1024, 200, TimeUnit.MILLISECONDS)
                .build());
        long started = System.nanoTime();
        DownloadException e = catchThrowableOfType(
                DownloadException.class,
                () -> impatient.download(
                        new DownloadRequest(server.url("/slow.png").toString(), dir, "slow.png", null),
                        DownloadProgress.NONE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(e.isRetryable()).as("the next pass resumes it").isTrue();
        assertThat(dir.resolve("slow.png")).doesNotExist();
    }

    @Test
    void aServerErrorIsRetried() throws Exception {
        server.enqueue(new MockResponse.Builder().code(500).build());
        server.enqueue(full());
        DownloadResult r = downloader.download(request("after500.png"), DownloadProgress.NONE);
        assertThat(Files.readAllBytes(r.file())).isEqualTo(payload);
    }

    @Test
    void unwritableFolderGivesAClearMessage() throws Exception {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where a folder should be");
        DownloadException e = catchThrowableOfType(
                DownloadException.class,
                () -> downloader.download(
                        new DownloadRequest(server.url("/a.png").toString(), blocked.resolve("inner"), "a.png", null),
                        DownloadProgress.NONE));
        assertThat(e.reason()).isEqualTo(DownloadException.Reason.LOCAL_STORAGE);
        assertThat(e.getMessage()).contains("Cannot create the folder");
    }

    @Test
    void reportsProgress() throws Exception {
        server.enqueue(full());
        List<long[]> updates = new ArrayList<>();
        downloader.download(request("p.png"), (done, total) -> updates.add(new long[] {done, total}));
        assertThat(updates).isNotEmpty();
        assertThat(updates.get(updates.size() - 1)).containsExactly(payload.length, payload.length);
    }
}
