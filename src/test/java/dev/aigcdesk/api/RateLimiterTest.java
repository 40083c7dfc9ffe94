package dev.aigcdesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.pacing.RateLimiter;
import dev.aigcdesk.testing.Fixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void spacesPermitsEvenlyAtTheConfiguredRate() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        List<Long> grantedAt = new ArrayList<>();
        RateLimiter limiter = new RateLimiter(20, now::get, d -> now.addAndGet(d.toNanos()));
        for (int i = 0; i < 41; i++) {
            limiter.acquire();
            grantedAt.add(now.get());
        }
        // 41 permits at 20/s span exactly 2 s: none early, none bunched.
        assertThat(grantedAt.get(40) - grantedAt.get(0)).isEqualTo(2_000_000_000L);
        for (int i = 1; i < grantedAt.size(); i++) {
            assertThat(grantedAt.get(i) - grantedAt.get(i - 1)).isEqualTo(50_000_000L);
        }
    }

    @Test
    void idleTimeDoesNotBankABurst() throws Exception {
        AtomicLong now = new AtomicLong(0);
        List<Duration> waits = new ArrayList<>();
        RateLimiter limiter = new RateLimiter(10, now::get, d -> {
            waits.add(d);
            now.addAndGet(d.toNanos());
        });
        limiter.acquire();
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        limiter.acquire();
        limiter.acquire();
        assertThat(waits).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void desktopsSharingOneAccountTakeTheirShareOfTheRate() {
        RateLimiter limiter = new RateLimiter(30);
        limiter.share(3);
        assertThat(limiter.permitsPerSecond()).isCloseTo(10, within(0.01));
        limiter.share(1);
        assertThat(limiter.permitsPerSecond()).isCloseTo(30, within(0.01));
        limiter.share(0);
        assertThat(limiter.permitsPerSecond())
                .as("never more than the whole rate")
                .isCloseTo(30, within(0.01));
    }

    @Test
    void neverExceedsTheServiceLimit() {
        assertThat(new RateLimiter(500).permitsPerSecond()).isEqualTo(100.0);
        assertThat(new RateLimiter(20).permitsPerSecond()).isEqualTo(20.0);
        assertThatThrownBy(() -> new RateLimiter(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Real threads against a real server: the server never sees requests closer together than the rate allows. */
    @Test
    void sharedLimiterHoldsItsRateAcrossThreads() throws Exception {
        List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
        try (MockWebServer server = new MockWebServer()) {
            String body = Fixtures.read("image_waiting.json");
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    arrivals.add(System.nanoTime());
                    return new MockResponse.Builder().body(body).build();
                }
            });
            server.start(InetAddress.getLoopbackAddress(), 0);
            ApiSettings settings =
                    new ApiSettings(server.url("/"), null, Duration.ofSeconds(5), Duration.ofSeconds(5), "t", 25);
            RateLimiter shared = new RateLimiter(25);
            QueryClient client = new QueryClient(settings, HttpClients.create(settings), shared);
            TaskId id = TaskId.parse("1397741205-AigcImageTask-e45ee7ce7e88149af8dd32b27f9512cet");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            long start = System.nanoTime();
            List<Future<QueryResult>> results = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                results.add(pool.submit(() -> client.query(id)));
            }
            for (Future<QueryResult> f : results) {
                f.get();
            }
            long elapsed = System.nanoTime() - start;
            pool.shutdown();
            // 21 requests at 25/s need at least 20 intervals of 40 ms; a noisy machine can only make it slower.
            assertThat(Duration.ofNanos(elapsed)).isGreaterThanOrEqualTo(Duration.ofMillis(780));
            assertThat(arrivals).hasSize(21);
        } catch (IOException e) {
            throw e;
        }
    }
}
