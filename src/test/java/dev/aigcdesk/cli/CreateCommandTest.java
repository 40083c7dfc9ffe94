package dev.aigcdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import dev.aigcdesk.app.Wiring;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.Lineage;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.sqlite.SqliteLibrary;
import dev.aigcdesk.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code create image|video|again} against a loopback service: the exact bodies, the library, errors, and no double submit. */
class CreateCommandTest {

    private static final String VIDEO_TASK = "1250000000-AigcVideoTask-1d7a2b9c3e4f5a6b7c8d9e0f1a2b3c4dt";

    @TempDir
    Path home;

    private final MockWebServer server = new MockWebServer();
    private final List<RecordedRequest> posts = new ArrayList<>();
    /** What the next create answers; a created task id otherwise. */
    private final BlockingQueue<MockResponse> nextCreate = new LinkedBlockingQueue<>();

    private int created;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                if ("POST".equals(r.getMethod())) {
                    synchronized (posts) {
                        posts.add(r);
                    }
                    MockResponse special = nextCreate.poll();
                    if (special != null) {
                        return special;
                    }
                    String kind = r.getUrl().encodedPath().endsWith("aigc-video") ? "AigcVideoTask" : "AigcImageTask";
                    String id = String.format("1250000000-%s-%032xt", kind, ++created);
                    return new MockResponse.Builder()
                            .body("{\"Response\":{\"TaskId\":\"" + id + "\",\"RequestId\":\"req-" + created + "\"}}")
                            .build();
                }
                if (r.getUrl().encodedPath().endsWith(VIDEO_TASK)) {
                    return new MockResponse.Builder()
                            .body(Fixtures.read("video_finish_mp4.json"))
                            .build();
                }
                return new MockResponse.Builder()
                        .body(Fixtures.read("image_waiting.json"))
                        .build();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--api-base", server.url("/").toString(), "--api-key", "sk-test"));
        all.addAll(List.of(args));
        int code = new Cli(new Wiring(
                        Map.of("AIGC_DESK_HOME", home.toString(), "AIGC_DESK_KEYCHAIN", "off"), Clock.systemUTC()))
                .run(
                        all.toArray(String[]::new),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) throws IOException {
        return (Map<String, Object>)
                new Moshi.Builder().build().adapter(Object.class).fromJson(text);
    }

    private Map<String, Object> lastBody() throws IOException {
        synchronized (posts) {
            return json(posts.get(posts.size() - 1).getBody().utf8());
        }
    }

    private Library ledger() throws Exception {
        return SqliteLibrary.open(home.resolve("data").resolve(SqliteLibrary.FILE_NAME));
    }

    @Test
    void createImagePrintsOneJsonLineAndTheTaskWaitsInTheLibraryAtOnce() throws Exception {
        Run r = run(
                "create",
                "image",
                "--model",
                "GEM",
                "--model-version",
                "2.5",
                "--prompt",
                "a red panda, watercolor",
                "--negative-prompt",
                "blur",
                "--enhance-prompt",
                "on",
                "--aspect-ratio",
                "16:9",
                "--resolution",
                "2K",
                "--reference-url",
                "https://e.com/a.png",
                "--reference-url",
                "https://e.com/b.png",
                "--json");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip().lines()).hasSize(1);
        Map<String, Object> line = json(r.out());
        assertThat(line).containsOnlyKeys("taskId", "requestId").containsEntry("requestId", "req-1");
        assertThat(posts.get(0).getTarget()).isEqualTo("/tencent-vod/v1/aigc-image");
        assertThat(lastBody())
                .isEqualTo(Map.of(
                        "model_name",
                        "GEM",
                        "model_version",
                        "2.5",
                        "prompt",
                        "a red panda, watercolor",
                        "negative_prompt",
                        "blur",
                        "enhance_prompt",
                        "Enabled",
                        "file_infos",
                        List.of(
                                Map.of("type", "Url", "url", "https://e.com/a.png"),
                                Map.of("type", "Url", "url", "https://e.com/b.png")),
                        "output_config",
                        Map.of("aspect_ratio", "16:9", "resolution", "2K")));
        try (Library l = ledger()) {
            var task = l.find(TaskId.parse((String) line.get("taskId")))
                    .orElseThrow()
                    .task();
            assertThat(task.state()).isEqualTo(TaskState.WAITING);
            assertThat(task.prompt()).isEqualTo("a red panda, watercolor");
            assertThat(task.modelLabel()).isEqualTo("GEM 2.5");
        }
    }

    @Test
    void createVideoMapsEveryFlag() throws Exception {
        Run r = run(
                "create",
                "video",
                "--model",
                "Kling",
                "--model-version",
                "2.5",
                "--prompt",
                "a car on a coastal road",
                "--duration",
                "5",
                "--aspect-ratio",
                "9:16",
                "--resolution",
                "1080P",
                "--reference-url",
                "https://e.com/first.png",
                "--last-frame-url",
                "https://e.com/last.png",
                "--audio",
                "off");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Started video").contains("waiting");
        assertThat(posts.get(0).getTarget()).isEqualTo("/tencent-vod/v1/aigc-video");
        assertThat(lastBody())
                .isEqualTo(Map.of(
                        "model_name",
                        "Kling",
                        "model_version",
                        "2.5",
                        "prompt",
                        "a car on a coastal road",
                        "file_infos",
                        List.of(Map.of("type", "Url", "url", "https://e.com/first.png")),
                        "last_frame_url",
                        "https://e.com/last.png",
                        "output_config",
                        Map.of(
                                "duration",
                                5.0,
                                "aspect_ratio",
                                "9:16",
                                "resolution",
                                "1080P",
                                "audio_generation",
                                "Disabled")));
    }

    @Test
    void againBeforeTheFirstSyncResendsWhatWasSentReplacingOnlyTheFlagsGivenAndLinksTheParent() throws Exception {
        Run first = run(
                "create",
                "image",
                "--model",
                "GEM",
                "--model-version",
                "2.5",
                "--prompt",
                "a lighthouse",
                "--aspect-ratio",
                "3:4",
                "--enhance-prompt",
                "off",
                "--json");
        String parent = (String) json(first.out()).get("taskId");

        Run again = run("create", "again", parent, "--aspect-ratio", "1:1", "--json");

        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(lastBody())
                .isEqualTo(Map.of(
                        "model_name",
                        "GEM",
                        "model_version",
                        "2.5",
                        "prompt",
                        "a lighthouse",
                        "enhance_prompt",
                        "Disabled",
                        "output_config",
                        Map.of("aspect_ratio", "1:1")));
        String child = (String) json(again.out()).get("taskId");
        try (Library l = ledger()) {
            Lineage childLine = l.creations().lineage(TaskId.parse(child));
            assertThat(childLine.madeFrom()).contains(TaskId.parse(parent));
            assertThat(l.creations().lineage(TaskId.parse(parent)).tries()).containsExactly(TaskId.parse(child));
        }
    }

    @Test
    void againOnATaskAddedByIdUsesItsRecordedAnswerWithoutPlaceholders() throws Exception {
        assertThat(run("add", VIDEO_TASK).exit()).isZero();
        assertThat(run("create", "again", VIDEO_TASK).exit())
                .as("nothing known before a sync")
                .isEqualTo(ExitCodes.FAILED);
        assertThat(posts).isEmpty();
        run("sync");

        Run again = run("create", "again", VIDEO_TASK, "--duration", "10", "--json");

        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(lastBody())
                .isEqualTo(Map.of(
                        "model_name",
                        "Kling",
                        "model_version",
                        "2.5",
                        "prompt",
                        "A car driving along a coastal highway at golden hour, drone shot",
                        "file_infos",
                        List.of(Map.of(
                                "type",
                                "Url",
                                "url",
                                "https://example-bucket-1250000000.cos.ap-shanghai.myqcloud.com/frames/car_first.png")),
                        "output_config",
                        Map.of(
                                "storage_mode",
                                "Temporary",
                                "resolution",
                                "1080P",
                                "aspect_ratio",
                                "16:9",
                                "duration",
                                10.0,
                                "audio_generation",
                                "Enabled")));
    }

    @Test
    void aServiceErrorExitsNonZeroWithTheServicesMessageAndAddsNothing() throws Exception {
        nextCreate.add(new MockResponse.Builder()
                .body("{\"Response\":{\"Error\":{\"Code\":\"InvalidParameterValue.ModelVersion\","
                        + "\"Message\":\"ModelVersion 9.9 is not supported by GEM.\"},\"RequestId\":\"r-9\"}}")
                .build());

        Run r = run("create", "image", "--model", "GEM", "--model-version", "9.9", "--prompt", "x", "--json");

        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("ModelVersion 9.9 is not supported by GEM.");
        assertThat(r.out()).isEmpty();
        try (Library l = ledger()) {
            assertThat(l.count(TaskQuery.ALL)).isZero();
        }
    }

    @Test
    void aConnectionDroppedAfterTheServerReadTheRequestIsNotResentAndTheLibraryKeepsNoRow() throws Exception {
        nextCreate.add(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());

        Run r = run("create", "image", "--model", "GEM", "--model-version", "2.5", "--prompt", "a cat", "--json");

        assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("may have received it").contains("not sent again");
        assertThat(posts).as("exactly one task can exist on the server side").hasSize(1);
        try (Library l = ledger()) {
            assertThat(l.count(TaskQuery.ALL)).isZero();
        }
    }

    @Test
    void missingFlagsAndBadIdsAreUsageErrorsThatSendNothing() {
        assertThat(run("create", "image", "--model", "GEM", "--prompt", "x").exit())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run(
                                "create",
                                "video",
                                "--model",
                                "Kling",
                                "--model-version",
                                "2.5",
                                "--prompt",
                                "x",
                                "--audio",
                                "maybe")
                        .exit())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("create", "again", "not-a-task-id").exit()).isEqualTo(ExitCodes.USAGE);
        Run unknown = run("create", "again", "1250000000-AigcImageTask-00000000000000000000000000000001t");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(unknown.err()).contains("not in the library");
        assertThat(posts).isEmpty();
    }
}
