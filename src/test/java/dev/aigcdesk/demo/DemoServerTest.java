package dev.aigcdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aigcdesk.api.ApiSettings;
import dev.aigcdesk.api.CreateClient;
import dev.aigcdesk.api.HttpClients;
import dev.aigcdesk.api.QueryClient;
import dev.aigcdesk.api.TaskNotFoundException;
import dev.aigcdesk.domain.GenerationRequest;
import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.pacing.RateLimiter;
import dev.aigcdesk.testing.MutableClock;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoServerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-20T12:00:00Z"));
    private DemoServer server;
    private QueryClient client;
    private final OkHttpClient http = new OkHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = new DemoServer(DemoCatalog.standard(), clock).start(0);
        ApiSettings settings = ApiSettings.defaults(server.baseUrl(), null, "test");
        client = new QueryClient(settings, HttpClients.create(settings), new RateLimiter(100));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private GenerationTask query(String name, TaskKind kind) throws Exception {
        return client.query(DemoCatalog.id(name, kind)).task();
    }

    @Test
    void taskProgressesFromWaitingThroughRunningToSucceeded() throws Exception {
        assertThat(query("ink-cabin", TaskKind.IMAGE).state()).isEqualTo(TaskState.WAITING);
        clock.advance(Duration.ofMillis(3000 + 12_500));
        GenerationTask running = query("ink-cabin", TaskKind.IMAGE);
        assertThat(running.state()).isEqualTo(TaskState.RUNNING);
        assertThat(running.progress()).isEqualTo(50);
        clock.advance(Duration.ofSeconds(20));
        GenerationTask done = query("ink-cabin", TaskKind.IMAGE);
        assertThat(done.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(done.prompt()).startsWith("水墨风格").contains("🌄");
        assertThat(done.outputs()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo("png");
            assertThat(f.expireTime())
                    .isEqualTo(done.times().finished().plus(Duration.ofDays(7)).plusSeconds(14));
        });
    }

    @Test
    void servesARealPngWithRangeSupport() throws Exception {
        GenerationTask t = query("red-panda", TaskKind.IMAGE);
        String url = t.outputs().get(0).url();
        byte[] full;
        try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            full = r.body().bytes();
        }
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(full));
        assertThat(img.getWidth()).isEqualTo(768);
        try (Response r = http.newCall(new Request.Builder()
                        .url(url)
                        .header("Range", "bytes=100-")
                        .build())
                .execute()) {
            assertThat(r.code()).isEqualTo(206);
            assertThat(r.header("Content-Range")).isEqualTo("bytes 100-" + (full.length - 1) + "/" + full.length);
            assertThat(r.body().bytes()).isEqualTo(Arrays.copyOfRange(full, 100, full.length));
        }
    }

    @Test
    void videoFinishesAfterAMinuteWithMetadataMatchingTheFile() throws Exception {
        assertThat(query("coastal-car", TaskKind.VIDEO).state()).isEqualTo(TaskState.WAITING);
        clock.advance(Duration.ofSeconds(61));
        GenerationTask t = query("coastal-car", TaskKind.VIDEO);
        assertThat(t.state()).isEqualTo(TaskState.SUCCEEDED);
        var file = t.outputs().get(0);
        assertThat(file.codec()).isEqualTo("h264");
        try (Response r =
                http.newCall(new Request.Builder().url(file.url()).build()).execute()) {
            assertThat(r.header("Content-Type")).isEqualTo("video/mp4");
            assertThat((long) r.body().bytes().length).isEqualTo(file.size());
        }
    }

    @Test
    void moderationFailureSaysFinishWithErrCode() throws Exception {
        clock.advance(Duration.ofSeconds(10));
        GenerationTask t = query("moderation", TaskKind.IMAGE);
        assertThat(t.state()).isEqualTo(TaskState.FAILED);
        assertThat(t.failure().code()).isEqualTo(70000);
        assertThat(t.failure().extCode()).isEqualTo("InvalidParameter.VoilationContent");
    }

    @Test
    void abortedAndNotFoundAndExpired() throws Exception {
        clock.advance(Duration.ofSeconds(30));
        assertThat(query("sora-aborted", TaskKind.VIDEO).state()).isEqualTo(TaskState.ABORTED);
        assertThat(catchThrowableOfType(TaskNotFoundException.class, () -> query("missing", TaskKind.IMAGE)))
                .isNotNull();
        assertThat(catchThrowableOfType(
                        TaskNotFoundException.class,
                        () -> client.query(TaskId.parse("1250000000-AigcImageTask-00000000000000000000000000000000t"))))
                .isNotNull();

        GenerationTask expired = query("shanghai-poster", TaskKind.IMAGE);
        assertThat(expired.outputs().get(0).expireTime()).isBefore(clock.instant());
        try (Response r = http.newCall(new Request.Builder()
                        .url(expired.outputs().get(0).url())
                        .build())
                .execute()) {
            assertThat(r.code())
                    .as("an expired file is gone, as on the real service")
                    .isEqualTo(404);
        }
    }

    @Test
    void answersInBothWireStyles() throws Exception {
        String raw = body(DemoCatalog.id("kitchen-icons", TaskKind.IMAGE));
        String trimmed = body(DemoCatalog.id("red-panda", TaskKind.IMAGE));
        assertThat(raw)
                .contains("\"AigcAudioTask\":null")
                .contains("\"ErrCodeExt\":\"\"")
                .contains("\"ExpireTime\":\"0000-00-00T00:00:00Z\"");
        assertThat(trimmed).doesNotContain("null").doesNotContain("\"\"").doesNotContain("\"ErrCode\"");
        assertThat(query("kitchen-icons", TaskKind.IMAGE).outputs()).hasSize(4);
    }

    @Test
    void acceptsCreatesWhoseTasksRunFinishAndAreRememberedByTheNextServer(@TempDir Path dir) throws Exception {
        server.close();
        Path kept = dir.resolve("demo-created.jsonl");
        Instant epoch = clock.instant();
        server = new DemoServer(DemoCatalog.standard(), clock, new DemoCreations(kept)).start(0, epoch);
        ApiSettings settings = ApiSettings.defaults(server.baseUrl(), null, "test");
        client = new QueryClient(settings, HttpClients.create(settings), new RateLimiter(100));
        var creator = new CreateClient(settings, HttpClients.create(settings));

        var created = creator.create(new GenerationRequest(
                TaskKind.VIDEO,
                "Kling",
                "2.5",
                "a paper boat",
                null,
                null,
                "9:16",
                null,
                5.0,
                null,
                null,
                null,
                List.of(),
                null));

        assertThat(created.taskId().kind()).isEqualTo(TaskKind.VIDEO);
        assertThat(client.query(created.taskId()).task().state()).isEqualTo(TaskState.WAITING);
        clock.advance(Duration.ofSeconds(30));
        GenerationTask done = client.query(created.taskId()).task();
        assertThat(done.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(done.prompt()).isEqualTo("a paper boat");
        assertThat(done.outputConfig().aspectRatio()).isEqualTo("9:16");
        try (Response r = http.newCall(
                        new Request.Builder().url(done.outputs().get(0).url()).build())
                .execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().bytes().length).isGreaterThan(1000);
        }
        // A later run of the app starts a new demo server on the library's saved epoch: the task is still there.
        server.close();
        server = new DemoServer(DemoCatalog.standard(), clock, new DemoCreations(kept)).start(0, epoch);
        ApiSettings again = ApiSettings.defaults(server.baseUrl(), null, "test");
        assertThat(new QueryClient(again, HttpClients.create(again), new RateLimiter(100))
                        .query(created.taskId())
                        .task()
                        .state())
                .isEqualTo(TaskState.SUCCEEDED);
    }

    @Test
    void aCreateWithoutAPromptGetsTencentsError() throws Exception {
        ApiSettings settings = ApiSettings.defaults(server.baseUrl(), null, "test");
        RequestBody body = RequestBody.create("{\"model_name\":\"GEM\"}", MediaType.get("application/json"));
        try (Response r = http.newCall(new Request.Builder()
                        .url(server.baseUrl() + "tencent-vod/v1/aigc-image")
                        .post(body)
                        .build())
                .execute()) {
            assertThat(r.body().string())
                    .contains("\"Code\":\"InvalidParameterValue\"")
                    .contains("prompt");
        }
        try (Response r = http.newCall(new Request.Builder()
                        .url(server.baseUrl() + "tencent-vod/v1/aigc-image")
                        .post(RequestBody.create("{not json", MediaType.get("application/json")))
                        .build())
                .execute()) {
            assertThat(r.body().string()).contains("InvalidParameterValue");
        }
        assertThat(settings).isNotNull();
    }

    private String body(TaskId id) throws Exception {
        try (Response r = http.newCall(new Request.Builder()
                        .url(server.baseUrl() + "tencent-vod/v1/query/" + id)
                        .build())
                .execute()) {
            return r.body().string();
        }
    }
}
