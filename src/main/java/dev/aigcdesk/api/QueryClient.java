package dev.aigcdesk.api;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.pacing.RateLimiter;
import dev.aigcdesk.pacing.RetryPolicy;
import dev.aigcdesk.pacing.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Asks the service about one task: rate-limited, retried with backoff on failures worth retrying,
 * and turned into either a task or a typed {@link ApiException}.
 */
public final class QueryClient {

    private static final Logger LOG = LoggerFactory.getLogger(QueryClient.class);
    private static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

    private final Supplier<OkHttpClient> http;
    private ChainhubService service;
    private final ApiSettings settings;
    private final RateLimiter limiter;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final QueryDeadlines deadlines;
    private final ReceivedBytes received = new ReceivedBytes();
    private ResponseDecoder decoder;

    /** @param http the HTTP client, asked for on the first query (a session opens before it needs one) */
    public QueryClient(
            ApiSettings settings,
            Supplier<OkHttpClient> http,
            RateLimiter limiter,
            RetryPolicy retry,
            Sleeper sleeper,
            RandomGenerator random,
            QueryDeadlines deadlines) {
        this.settings = settings;
        this.http = http;
        this.limiter = limiter;
        this.retry = retry;
        this.sleeper = sleeper;
        this.random = random;
        this.deadlines = deadlines;
    }

    public QueryClient(
            ApiSettings settings,
            Supplier<OkHttpClient> http,
            RateLimiter limiter,
            RetryPolicy retry,
            Sleeper sleeper,
            RandomGenerator random) {
        this(settings, http, limiter, retry, sleeper, random, QueryDeadlines.DEFAULT);
    }

    public QueryClient(
            ApiSettings settings,
            OkHttpClient http,
            RateLimiter limiter,
            RetryPolicy retry,
            Sleeper sleeper,
            RandomGenerator random) {
        this(settings, () -> http, limiter, retry, sleeper, random);
    }

    public QueryClient(ApiSettings settings, Supplier<OkHttpClient> http, RateLimiter limiter) {
        this(settings, http, limiter, RetryPolicy.DEFAULT, Sleeper.REAL, RandomGenerator.getDefault());
    }

    public QueryClient(
            ApiSettings settings, Supplier<OkHttpClient> http, RateLimiter limiter, QueryDeadlines deadlines) {
        this(settings, http, limiter, RetryPolicy.DEFAULT, Sleeper.REAL, RandomGenerator.getDefault(), deadlines);
    }

    public QueryClient(ApiSettings settings, OkHttpClient http, RateLimiter limiter) {
        this(settings, () -> http, limiter);
    }

    private synchronized ResponseDecoder decoder() {
        if (decoder == null) {
            decoder = new ResponseDecoder(new WireJson());
        }
        return decoder;
    }

    /** Retrofit and Moshi are set up on the first query: a session opens (and the window shows) before it needs them. */
    private synchronized ChainhubService service() {
        if (service == null) {
            service = new Retrofit.Builder()
                    .baseUrl(settings.baseUrl())
                    .client(HttpClients.forQueries(http.get(), settings, MAX_BODY_BYTES, deadlines.perCall(), received))
                    .build()
                    .create(ChainhubService.class);
        }
        return service;
    }

    public ApiSettings settings() {
        return settings;
    }

    /** The service's host name (what a network problem names). */
    public String host() {
        return settings.baseUrl().host();
    }

    /**
     * The task as the service tells it now. Retries end with the overall deadline: a query, tries and
     * pauses together, takes no longer than {@link QueryDeadlines#overall()}.
     */
    public QueryResult query(TaskId id) throws ApiException, InterruptedException {
        long start = System.nanoTime();
        long end = start + deadlines.overall().toNanos();
        ApiException last = null;
        long timedOutBytes = 0;
        int timeouts = 0;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            limiter.acquire();
            Duration left = Duration.ofNanos(end - System.nanoTime());
            if (attempt > 1 && left.compareTo(QueryDeadlines.LEAST_USEFUL) < 0) {
                break;
            }
            try {
                return once(id, left.compareTo(deadlines.perCall()) < 0 ? left : deadlines.perCall());
            } catch (ApiException e) {
                last = e;
                if (e instanceof ServiceTimeoutException t) {
                    timeouts++;
                    timedOutBytes += t.bytesReceived();
                }
                if (!e.isRetryable() || attempt == retry.maxAttempts()) {
                    break;
                }
                Duration retryAfter =
                        e instanceof RateLimitedException r ? r.retryAfter().orElse(null) : null;
                Duration pause = retry.delayAfter(attempt, retryAfter, random);
                if (Duration.ofNanos(end - System.nanoTime()).minus(pause).compareTo(QueryDeadlines.LEAST_USEFUL) < 0) {
                    LOG.debug(
                            "Query {} attempt {} failed ({}); no time left for another before the {} s deadline",
                            id,
                            attempt,
                            e.code(),
                            deadlines.overall().toSeconds());
                    break;
                }
                LOG.debug(
                        "Query {} attempt {} failed ({}); retrying in {} ms", id, attempt, e.code(), pause.toMillis());
                sleeper.sleep(pause);
            }
        }
        if (last instanceof ServiceTimeoutException t && timeouts > 1) {
            throw t.overall(Duration.ofNanos(System.nanoTime() - start), timedOutBytes, timeouts);
        }
        throw last;
    }

    private QueryResult once(TaskId id, Duration limit) throws ApiException, InterruptedException {
        long started = System.nanoTime();
        long receivedBefore = received.onThisThread();
        Response<ResponseBody> response;
        String body;
        try {
            Call<ResponseBody> call = service().query(id.value());
            call.timeout().timeout(limit.toMillis(), TimeUnit.MILLISECONDS);
            response = call.execute();
            body = readBody(response.isSuccessful() ? response.body() : response.errorBody());
        } catch (BodyTooLargeException | HttpClients.AnswerTooLargeException e) {
            throw new MalformedResponseException(
                    "The service's response is too large to be a task answer.", ErrorDetails.NONE, e);
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("Query interrupted");
            }
            if (isConnectTimeout(e)) {
                throw networkError(e);
            }
            // The whole call's deadline ("timeout") or a read that waited too long: the service was slow, not the
            // network down.
            throw new ServiceTimeoutException(
                    Duration.ofNanos(System.nanoTime() - started), received.onThisThread() - receivedBefore, 1, e);
        } catch (IOException e) {
            throw networkError(e);
        }
        LOG.debug("GET query/{} -> HTTP {} in {} ms", id, response.code(), (System.nanoTime() - started) / 1_000_000);
        return decoder()
                .decode(id, response.code(), body, retryAfter(response.headers().get("Retry-After")));
    }

    /** No connection was made in time: that is the network (or a host that is down), not a slow answer. */
    private static boolean isConnectTimeout(InterruptedIOException e) {
        return e instanceof SocketTimeoutException
                && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("connect");
    }

    private NetworkErrorException networkError(IOException e) {
        String host = settings.baseUrl().host();
        String why;
        if (e instanceof UnknownHostException) {
            why = "Cannot find " + host + ". Check the network connection.";
        } else if (e instanceof ConnectException) {
            why = "Cannot connect to " + host + ". The network may be down.";
        } else if (e instanceof SocketTimeoutException) {
            why = "Cannot connect to " + host + " in time. The network may be down.";
        } else {
            why = "The connection to " + host + " failed (" + e.getClass().getSimpleName() + ").";
        }
        return new NetworkErrorException(why, ErrorDetails.NONE, e);
    }

    private static String readBody(ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        try (body) {
            BufferedSource source = body.source();
            if (source.request(MAX_BODY_BYTES + 1)) {
                throw new BodyTooLargeException();
            }
            return source.readUtf8();
        }
    }

    /** {@code Retry-After} as seconds or as an HTTP date; anything else is ignored. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(h)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(Instant.now(), when.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("Response larger than " + MAX_BODY_BYTES + " bytes");
        }
    }

    /** Asks at 1/{@code ways} of the configured rate (when that many desktops share the team's work). */
    public void shareRate(int ways) {
        limiter.share(ways);
    }
}
