package dev.aigcdesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.pacing.RateLimiter;
import dev.aigcdesk.pacing.RetryPolicy;
import dev.aigcdesk.testing.Fixtures;
import dev.aigcdesk.testing.LogCapture;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import retrofit2.Retrofit;

class QueryClientTest {

    private static final TaskId ID = TaskId.parse("1397741205-AigcImageTask-96a3be3cf272e017046d1b2674a52bd3t");
    private static final String KEY = "sk-chainhub-SECRET-7f3a9c";

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

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    @Test
    void sendsExactPathBearerKeyAndUserAgent() throws Exception {
        server.enqueue(json(200, Fixtures.read("image_finish_single.json")));
        QueryResult r = support.client(server, KEY).query(ID);

        assertThat(r.task().state()).isEqualTo(TaskState.SUCCEEDED);
        RecordedRequest req = server.takeRequest();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(req.getTarget())
                .isEqualTo("/tencent-vod/v1/query/1397741205-AigcImageTask-96a3be3cf272e017046d1b2674a52bd3t");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(req.getHeaders().get("User-Agent")).isEqualTo("AIGC-Desk/test");
    }

    @Test
    void sendsNoAuthorizationHeaderWithoutKey() throws Exception {
        server.enqueue(json(200, Fixtures.read("image_waiting.json")));
        support.client(server, "  ").query(ID);
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void keepsBasePathPrefix() throws Exception {
        server.enqueue(json(200, Fixtures.read("image_waiting.json")));
        ApiSettings settings =
                new ApiSettings(server.url("/gateway"), null, Duration.ofSeconds(2), Duration.ofSeconds(2), "t", 20);
        new QueryClient(settings, HttpClients.create(settings), new RateLimiter(100)).query(ID);
        assertThat(server.takeRequest().getTarget()).isEqualTo("/gateway/tencent-vod/v1/query/" + ID.value());
    }

    @Test
    void honoursRetryAfterOn429ThenSucceeds() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "2")
                .body("")
                .build());
        server.enqueue(json(200, Fixtures.read("video_processing.json")));

        QueryResult r = support.client(server, KEY).query(ID);

        assertThat(r.task().progress()).isEqualTo(40);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(support.pauses).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void retriesTencentRequestLimitEnvelopeWithBackoff() throws Exception {
        server.enqueue(json(200, Fixtures.read("error_request_limit.json")));
        server.enqueue(json(200, Fixtures.read("error_internal.json")));
        server.enqueue(json(200, Fixtures.read("image_finish_single.json")));

        assertThat(support.client(server, KEY).query(ID).task().state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(support.pauses).hasSize(2);
        assertThat(support.pauses.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(support.pauses.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void recoversFromDroppedConnection() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        server.enqueue(json(200, Fixtures.read("image_finish_single.json")));

        QueryResult r = support.client(server, KEY).query(ID);

        assertThat(r.task().state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void exhaustedRetriesGiveTheTypedError() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(503)
                    .body("<html>Service Unavailable</html>")
                    .build());
        }
        ApiException e = catchThrowableOfType(
                ApiException.class, () -> support.client(server, KEY).query(ID));

        assertThat(e).isInstanceOf(ServiceErrorException.class);
        assertThat(e.details().httpStatus()).isEqualTo(503);
        assertThat(server.getRequestCount()).isEqualTo(RetryPolicy.DEFAULT.maxAttempts());
        assertThat(support.pauses).hasSize(RetryPolicy.DEFAULT.maxAttempts() - 1);
        assertThat(support.pauses.get(2)).isGreaterThan(support.pauses.get(0));
    }

    @Test
    void doesNotRetryRejectedKeyOrNotFound() {
        server.enqueue(json(401, Fixtures.read("aggregator_401.json")));
        assertThat(catchThrowableOfType(
                        ApiException.class, () -> support.client(server, KEY).query(ID)))
                .isInstanceOf(AuthenticationFailedException.class);
        server.enqueue(json(200, Fixtures.read("error_task_not_found.json")));
        assertThat(catchThrowableOfType(
                        ApiException.class, () -> support.client(server, KEY).query(ID)))
                .isInstanceOf(TaskNotFoundException.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(support.pauses).isEmpty();
    }

    @Test
    void deadNetworkIsANetworkErrorAfterRetries() throws Exception {
        MockWebServer gone = new MockWebServer();
        gone.start(InetAddress.getLoopbackAddress(), 0);
        var url = gone.url("/");
        gone.close();
        ApiSettings settings = new ApiSettings(url, KEY, Duration.ofSeconds(1), Duration.ofSeconds(1), "t", 100);
        QueryClient client = new QueryClient(
                settings,
                HttpClients.create(settings),
                new RateLimiter(100),
                RetryPolicy.DEFAULT,
                support.recordingSleeper,
                RandomGenerator.getDefault());

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.query(ID));

        assertThat(e).isInstanceOf(NetworkErrorException.class);
        assertThat(e.getMessage()).isEqualTo("Cannot connect to " + url.host() + ". The network may be down.");
        assertThat(e.code()).isEqualTo("Network");
        assertThat(support.pauses).hasSize(3);
    }

    @Test
    void aServerThatSendsNoHeadersIsATimeoutNotANetworkFailure() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder()
                    .headersDelay(3, TimeUnit.SECONDS)
                    .body("{}")
                    .build());
        }
        ApiException e = catchThrowableOfType(
                ApiException.class,
                () -> support.client(server, KEY, new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                        .query(ID));
        assertThat(e).isInstanceOf(ServiceTimeoutException.class);
        assertThat(e.getMessage()).matches("The service did not answer in 2 s \\(it sent 0 bytes\\)\\.");
    }

    @Test
    void hostileIdsNeverReachTheClient() {
        for (String hostile : new String[] {
            "../../admin",
            "1397741205-AigcImageTask-96a3be3cf272e017046d1b2674a52bd3t/../x",
            "1397741205-AigcImageTask-96a3be3cf272e017046d1b2674a52bd3t?x=1",
            "a#b",
            "%2e%2e",
            "",
            "1397741205-AigcImageTask-zz"
        }) {
            assertThatThrownBy(() -> TaskId.parse(hostile)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anyIdIsOneEncodedPathSegment() throws Exception {
        server.enqueue(json(200, "{}"));
        ChainhubService service = new Retrofit.Builder()
                .baseUrl(server.url("/"))
                .client(new OkHttpClient())
                .build()
                .create(ChainhubService.class);
        service.query("a/b?c#d%e f").execute().body().close();
        assertThat(server.takeRequest().getTarget()).isEqualTo("/tencent-vod/v1/query/a%2Fb%3Fc%23d%25e%20f");
        assertThatThrownBy(() -> service.query("..").execute()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.query(".").execute()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void apiKeyNeverAppearsInLogs() throws Exception {
        server.enqueue(json(200, Fixtures.read("image_finish_single.json")));
        server.enqueue(json(401, Fixtures.read("aggregator_401.json")));
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "1")
                .build());
        server.enqueue(json(200, "{\"Response\":{\"Status\":"));
        QueryClient client = support.client(server, KEY);
        try (LogCapture logs = new LogCapture()) {
            client.query(ID);
            for (int i = 0; i < 2; i++) {
                catchThrowableOfType(ApiException.class, () -> client.query(ID));
            }
            LoggerFactory.getLogger(getClass()).info("Settings in use: {}", client.settings());

            assertThat(logs.lines()).isNotEmpty().anySatisfy(l -> assertThat(l).contains("apiKey=set"));
            assertThat(logs.lines()).noneMatch(l -> l.contains(KEY) || l.contains("SECRET"));
        }
    }
}
