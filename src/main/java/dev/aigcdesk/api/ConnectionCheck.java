package dev.aigcdesk.api;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.pacing.RateLimiter;
import dev.aigcdesk.pacing.RetryPolicy;
import dev.aigcdesk.pacing.Sleeper;
import java.time.Duration;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;

/**
 * Settings' "Test connection": asks the service about an id that cannot exist. A "not found"
 * answer proves the address and the key; a rejection or a network error says what is wrong.
 */
public final class ConnectionCheck {

    /** What the check found. */
    public enum Outcome {
        KEY_ACCEPTED,
        ANSWERED,
        KEY_REJECTED,
        FAILED,
        BAD_ADDRESS
    }

    /** @param failure the service's or the network's failure, for the window to say in its language (null when none) */
    public record Result(Outcome outcome, String message, ApiException failure) {
        public Result(Outcome outcome, String message) {
            this(outcome, message, null);
        }

        public boolean ok() {
            return outcome == Outcome.KEY_ACCEPTED || outcome == Outcome.ANSWERED;
        }
    }

    private static final TaskId PROBE = TaskId.parse("1250000000-AigcImageTask-00000000000000000000000000000000t");

    private final String version;

    public ConnectionCheck(String version) {
        this.version = version;
    }

    public Result run(String baseUrl, String key) throws InterruptedException {
        ApiSettings settings;
        try {
            settings = ApiSettings.defaults(baseUrl, key, version);
        } catch (IllegalArgumentException e) {
            return new Result(Outcome.BAD_ADDRESS, e.getMessage());
        }
        OkHttpClient http = HttpClients.create(settings);
        QueryClient client = new QueryClient(
                settings,
                http,
                new RateLimiter(5),
                new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO),
                Sleeper.REAL,
                RandomGenerator.getDefault());
        try {
            client.query(PROBE);
            return new Result(Outcome.ANSWERED, "");
        } catch (TaskNotFoundException expected) {
            return new Result(Outcome.KEY_ACCEPTED, "");
        } catch (AuthenticationFailedException e) {
            return new Result(Outcome.KEY_REJECTED, e.getMessage(), e);
        } catch (ApiException e) {
            return new Result(Outcome.FAILED, e.getMessage(), e);
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
