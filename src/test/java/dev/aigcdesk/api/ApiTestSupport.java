package dev.aigcdesk.api;

import dev.aigcdesk.pacing.RateLimiter;
import dev.aigcdesk.pacing.RetryPolicy;
import dev.aigcdesk.pacing.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;

/** Builds clients for tests that record their pauses instead of taking them. */
final class ApiTestSupport {

    final List<Duration> pauses = new ArrayList<>();
    final Sleeper recordingSleeper = pauses::add;

    QueryClient client(MockWebServer server, String key) {
        return client(server, key, RetryPolicy.DEFAULT);
    }

    QueryClient client(MockWebServer server, String key, RetryPolicy retry) {
        ApiSettings settings = new ApiSettings(
                server.url("/"), key, Duration.ofSeconds(2), Duration.ofSeconds(2), "AIGC-Desk/test", 100);
        OkHttpClient http = HttpClients.create(settings);
        return new QueryClient(
                settings, http, new RateLimiter(1000), retry, recordingSleeper, RandomGenerator.of("L64X128MixRandom"));
    }
}
