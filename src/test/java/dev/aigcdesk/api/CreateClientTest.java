package dev.aigcdesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.squareup.moshi.Moshi;
import dev.aigcdesk.domain.GenerationRequest;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.pacing.RateLimiter;
import dev.aigcdesk.pacing.RetryPolicy;
import dev.aigcdesk.testing.Fixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreateClientTest {

    private static final String KEY = "sk-chainhub-SECRET-create";
    private static final String CREATED =
            "{\"Response\":{\"TaskId\":\"1392336703-AigcImageTask-47965947a83db42af4b1e3a74c243531t\","
                    + "\"RequestId\":\"f50d7667-1a2b-4c3d-8e9f-0123456789ab\"}}";

    private final MockWebServer server = new MockWebServer();
    private final ApiTestSupport support = new ApiTestSupport();

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ApiSettings settings(HttpUrl base) {
        return new ApiSettings(base, KEY, Duration.ofSeconds(2), Duration.ofSeconds(2), "AIGC-Desk/test", 100);
    }

    private CreateClient client(OkHttpClient http) {
        return new CreateClient(
                settings(server.url("/")),
                http,
                new RateLimiter(1000),
                RetryPolicy.DEFAULT,
                support.recordingSleeper,
                RandomGenerator.of("L64X128MixRandom"));
    }

    private CreateClient client() {
        return client(HttpClients.create(settings(server.url("/"))));
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(RecordedRequest r) throws IOException {
        return (Map<String, Object>) new Moshi.Builder()
                .build()
                .adapter(Object.class)
                .fromJson(r.getBody().utf8());
    }

    @Test
    void anImageIsPostedInSnakeCaseWithOnlyTheFieldsThatWereSet() throws Exception {
        server.enqueue(json(200, CREATED));
        GenerationRequest r = new GenerationRequest(
                TaskKind.IMAGE,
                "GEM",
                "2.5",
                "a red panda, watercolor",
                "  ",
                "Enabled",
                "16:9",
                null,
                null,
                null,
                null,
                null,
                List.of("https://example.com/a.png", "https://example.com/b.png"),
                null);

        CreatedTask created = client().create(r);

        assertThat(created.taskId())
                .isEqualTo(TaskId.parse("1392336703-AigcImageTask-47965947a83db42af4b1e3a74c243531t"));
        assertThat(created.requestId()).isEqualTo("f50d7667-1a2b-4c3d-8e9f-0123456789ab");
        RecordedRequest req = server.takeRequest();
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(req.getTarget()).isEqualTo("/tencent-vod/v1/aigc-image");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(req.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(body(req))
                .isEqualTo(Map.of(
                        "model_name",
                        "GEM",
                        "model_version",
                        "2.5",
                        "prompt",
                        "a red panda, watercolor",
                        "enhance_prompt",
                        "Enabled",
                        "file_infos",
                        List.of(
                                Map.of("type", "Url", "url", "https://example.com/a.png"),
                                Map.of("type", "Url", "url", "https://example.com/b.png")),
                        "output_config",
                        Map.of("aspect_ratio", "16:9")));
        assertThat(req.getBody().utf8())
                .doesNotContain("null")
                .doesNotContain("\"\"")
                .doesNotContain("negative_prompt");
        assertThat(created.sentJson()).isEqualTo(req.getBody().utf8());
    }

    @Test
    void aVideoCarriesDurationAsANumberAudioAndTheLastFrame() throws Exception {
        server.enqueue(json(200, CREATED.replace("AigcImageTask", "AigcVideoTask")));
        GenerationRequest r = new GenerationRequest(
                TaskKind.VIDEO,
                "Kling",
                "2.5",
                "a car on a coastal road",
                null,
                null,
                "9:16",
                "1080P",
                5.0,
                "Disabled",
                null,
                null,
                List.of("https://example.com/first.png"),
                "https://example.com/last.png");

        client().create(r);

        RecordedRequest req = server.takeRequest();
        assertThat(req.getTarget()).isEqualTo("/tencent-vod/v1/aigc-video");
        Map<String, Object> b = body(req);
        assertThat(b)
                .containsOnlyKeys(
                        "model_name", "model_version", "prompt", "file_infos", "last_frame_url", "output_config");
        assertThat(b.get("last_frame_url")).isEqualTo("https://example.com/last.png");
        assertThat(b.get("file_infos"))
                .isEqualTo(List.of(Map.of("type", "Url", "url", "https://example.com/first.png")));
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) b.get("output_config");
        assertThat(config).containsOnlyKeys("resolution", "aspect_ratio", "duration", "audio_generation");
        assertThat(config.get("duration")).as("a JSON number, not a string").isEqualTo(5.0);
        assertThat(config.get("audio_generation")).isEqualTo("Disabled");
    }

    @Test
    void theServicesRefusalIsShownAsItWroteIt() throws Exception {
        server.enqueue(json(
                200,
                "{\"Response\":{\"Error\":{\"Code\":\"InvalidParameterValue.ModelName\",\"Message\":\"Model GEM 9.9 is not supported.\"},"
                        + "\"RequestId\":\"r-1\"}}"));

        ServiceErrorException e = catchThrowableOfType(ServiceErrorException.class, () -> client().create(image()));

        assertThat(e.getMessage())
                .contains("Model GEM 9.9 is not supported.")
                .contains("InvalidParameterValue.ModelName");
        assertThat(e.details().requestId()).isEqualTo("r-1");
        assertThat(server.getRequestCount()).as("a refusal is never retried").isEqualTo(1);
    }

    @Test
    void aRejectedKeyAGatewayErrorAndAWebPageAreTypedErrors() throws Exception {
        server.enqueue(json(401, Fixtures.read("aggregator_401.json")));
        server.enqueue(
                json(
                        200,
                        "{\"Response\":{\"Error\":{\"Code\":\"AuthFailure.SignatureFailure\",\"Message\":\"bad\"},\"RequestId\":\"r\"}}"));
        server.enqueue(new MockResponse.Builder()
                .code(502)
                .body("<html><body>Bad Gateway</body></html>")
                .build());
        server.enqueue(json(200, "{\"Response\":{\"RequestId\":\"r-2\"}}"));
        server.enqueue(json(200, "{\"Response\":{\"TaskId\":\"; rm -rf /\",\"RequestId\":\"r-3\"}}"));

        assertThat(catchThrowableOfType(AuthenticationFailedException.class, () -> client().create(image())))
                .isNotNull();
        assertThat(catchThrowableOfType(AuthenticationFailedException.class, () -> client().create(image())))
                .isNotNull();
        ServiceErrorException gateway =
                catchThrowableOfType(ServiceErrorException.class, () -> client().create(image()));
        assertThat(gateway.getMessage()).contains("502");
        MalformedResponseException noId =
                catchThrowableOfType(MalformedResponseException.class, () -> client().create(image()));
        assertThat(noId.getMessage()).contains("no usable task id").contains("r-2");
        MalformedResponseException badId =
                catchThrowableOfType(MalformedResponseException.class, () -> client().create(image()));
        assertThat(badId.getMessage()).contains("r-3");
        assertThat(server.getRequestCount()).as("none of them sent twice").isEqualTo(5);
    }

    @Test
    void aConnectionThatDropsAfterTheRequestWasReadIsNeverSentAgainEvenOnAWarmConnection() throws Exception {
        OkHttpClient shared = HttpClients.create(settings(server.url("/")));
        // Warm a pooled connection with a query, as the app does before the person starts a generation.
        server.enqueue(json(200, Fixtures.read("image_finish_single.json")));
        new QueryClient(
                        settings(server.url("/")),
                        shared,
                        new RateLimiter(1000),
                        RetryPolicy.DEFAULT,
                        support.recordingSleeper,
                        RandomGenerator.of("L64X128MixRandom"))
                .query(TaskId.parse("1397741205-AigcImageTask-96a3be3cf272e017046d1b2674a52bd3t"));
        // The server reads the POST, then drops the connection; a re-sent POST would find a success waiting.
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        server.enqueue(json(200, CREATED));

        MaybeReceivedException e = catchThrowableOfType(
                MaybeReceivedException.class, () -> client(shared).create(image()));

        assertThat(e.getMessage()).contains("may have received it").contains("not sent again");
        assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
        assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
        assertThat(server.getRequestCount())
                .as("exactly one POST reached the server")
                .isEqualTo(2);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void noAnswerInTimeIsAlsoMaybeReceived() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .headersDelay(5, TimeUnit.SECONDS)
                .body(CREATED)
                .build());

        assertThat(catchThrowableOfType(MaybeReceivedException.class, () -> client().create(image())))
                .isNotNull();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRequestThatCouldNotConnectIsRetriedBecauseNothingWasSent() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        HttpUrl dead = HttpUrl.parse("http://127.0.0.1:" + closedPort + "/");
        CreateClient c = new CreateClient(
                settings(dead),
                HttpClients.create(settings(dead)),
                new RateLimiter(1000),
                RetryPolicy.DEFAULT,
                support.recordingSleeper,
                RandomGenerator.of("L64X128MixRandom"));

        NetworkErrorException e = catchThrowableOfType(NetworkErrorException.class, () -> c.create(image()));

        assertThat(e.getMessage()).contains("Nothing was sent");
        assertThat(support.pauses)
                .as("tried again with backoff, as nothing could have started")
                .hasSize(RetryPolicy.DEFAULT.maxAttempts() - 1);
    }

    @Test
    void anIncompleteRequestIsNotSent() {
        ServiceErrorException e = catchThrowableOfType(
                ServiceErrorException.class,
                () -> client().create(new GenerationRequest(
                        TaskKind.IMAGE, "GEM", null, "", null, null, null, null, null, null, null, null, null, null)));

        assertThat(e.getMessage()).contains("model version").contains("prompt");
        assertThat(server.getRequestCount()).isZero();
    }

    private static GenerationRequest image() {
        return new GenerationRequest(
                TaskKind.IMAGE,
                "GEM",
                "2.5",
                "a lighthouse",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null);
    }
}
