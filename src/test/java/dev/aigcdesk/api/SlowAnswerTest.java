package dev.aigcdesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aigcdesk.app.Patience;
import dev.aigcdesk.app.Wiring;
import dev.aigcdesk.cli.Cli;
import dev.aigcdesk.domain.Catalog;
import dev.aigcdesk.domain.Problem;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.download.Downloader;
import dev.aigcdesk.pacing.RateLimiter;
import dev.aigcdesk.pacing.RetryPolicy;
import dev.aigcdesk.pacing.Sleeper;
import dev.aigcdesk.testing.Fixtures;
import dev.aigcdesk.ui.common.ErrorWords;
import dev.aigcdesk.ui.common.I18n;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that drips its answer a byte at a time: the query ends by its overall deadline, retries
 * included, and says that the service was too slow (with what it sent), not that the connection
 * failed. The app's 30 s / 45 s are scaled to 1 s / 2.5 s here; the rule is the same.
 */
class SlowAnswerTest {

    private static final TaskId ID = TaskId.parse("1397741205-AigcImageTask-96a3be3cf272e017046d1b2674a52bd3t");
    private static final QueryDeadlines SCALED = new QueryDeadlines(Duration.ofSeconds(1), Duration.ofMillis(2500));

    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path home;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The whole answer, one byte every 300 ms: every read gets something, so a read timeout never fires. */
    private static MockResponse dripping() {
        return new MockResponse.Builder()
                .setHeader("Content-Type", "application/json")
                .body(Fixtures.read("image_finish_single.json"))
                .throttleBody(1, 300, TimeUnit.MILLISECONDS)
                .build();
    }

    private QueryClient client() {
        ApiSettings settings = new ApiSettings(
                server.url("/"), "sk-test", Duration.ofSeconds(2), Duration.ofSeconds(2), "AIGC-Desk/test", 100);
        OkHttpClient http = HttpClients.create(settings);
        return new QueryClient(
                settings,
                () -> http,
                new RateLimiter(100),
                RetryPolicy.DEFAULT,
                Sleeper.REAL,
                RandomGenerator.of("L64X128MixRandom"),
                SCALED);
    }

    @Test
    void aDrippingAnswerEndsByTheOverallDeadlineAndIsSaidAsATimeoutWithWhatArrived() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(dripping());
        }
        long start = System.nanoTime();
        ServiceTimeoutException e = catchThrowableOfType(ServiceTimeoutException.class, () -> client().query(ID));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took)
                .as("retries stop at the overall deadline, not after four full calls")
                .isLessThan(SCALED.overall().plusSeconds(1))
                .isGreaterThanOrEqualTo(SCALED.perCall());
        assertThat(server.getRequestCount())
                .as("it did try again while there was time")
                .isBetween(2, 3);
        assertThat(e.tries()).isEqualTo(server.getRequestCount());
        assertThat(e.bytesReceived())
                .as("the status line, the headers and a few dripped bytes")
                .isGreaterThan(50);
        assertThat(e.getMessage())
                .matches("The service did not answer in [23] s \\(it sent \\d+ bytes over [23] tries\\)\\.")
                .doesNotContainIgnoringCase("connection");
        assertThat(e.code()).isEqualTo("Timeout");
        assertThat(e.isRetryable())
                .as("background polling asks again on its own pacing")
                .isTrue();
    }

    @Test
    void aSlowFirstAnswerThenAQuickOneStillGivesTheTask() throws Exception {
        server.enqueue(dripping());
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "application/json")
                .body(Fixtures.read("image_finish_single.json"))
                .build());
        QueryResult r = client().query(ID);
        assertThat(r.task().state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void theTimeoutIsSaidInTheWindowsLanguageAndKeptInTheLibraryAsATimeout() {
        ServiceTimeoutException e = new ServiceTimeoutException(Duration.ofSeconds(30), 12, 1, null);
        assertThat(e.getMessage()).isEqualTo("The service did not answer in 30 s (it sent 12 bytes).");
        assertThat(new ErrorWords(new I18n(Locale.ENGLISH)).say(e))
                .startsWith("The service did not answer in 30 s (it sent 12 bytes).")
                .contains("not unreachable");
        assertThat(new ErrorWords(new I18n(Locale.SIMPLIFIED_CHINESE)).say(e)).startsWith("服务在 30 s 内没有应答（只收到 12 字节）");
        String stored = Problem.of("query.timeout", "30 s", "12 B").encode();
        assertThat(Catalog.english().problem(stored))
                .isEqualTo("The service did not answer in 30 s (it sent 12 B); it is tried again by itself.");
        assertThat(new Catalog(Locale.SIMPLIFIED_CHINESE).problem(stored)).isEqualTo("服务在 30 s 内没有应答（只收到 12 B）；会自动重试。");
    }

    @Test
    void theQueryCommandEndsInTimeAndSaysTheServiceWasSlow() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(dripping());
        }
        Wiring wiring = new Wiring(
                Map.of("AIGC_DESK_HOME", home.toString(), "AIGC_DESK_KEYCHAIN", "off"),
                Clock.systemUTC(),
                new Patience(SCALED, Downloader.Limits.DEFAULT));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int code = new Cli(wiring)
                .run(
                        new String[] {
                            "--api-base", server.url("/").toString(), "--api-key", "sk-test", "query", ID.value()
                        },
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(code).isEqualTo(1);
        assertThat(took).isLessThan(SCALED.overall().plusSeconds(2));
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(ID.value() + ": The service did not answer in ")
                .contains("(it sent ")
                .contains("[Timeout]")
                .doesNotContainIgnoringCase("connection");
    }
}
