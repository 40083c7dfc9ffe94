package dev.aigcdesk.api;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import dev.aigcdesk.api.wire.WireCreateAnswer;
import dev.aigcdesk.domain.GenerationRequest;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.pacing.RateLimiter;
import dev.aigcdesk.pacing.RetryPolicy;
import dev.aigcdesk.pacing.Sleeper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Starts image and video generations. A generation is paid work, so a request that may have reached
 * the service is never sent again by itself: only failures before anything was sent (no such host,
 * connection refused, a connect timeout) are retried. OkHttp's own silent retry on a reused
 * connection is switched off for the same reason.
 */
public final class CreateClient {

    private static final Logger LOG = LoggerFactory.getLogger(CreateClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final long MAX_BODY_BYTES = 1024 * 1024;
    /** Creates answer with an id at once; a minute covers a slow gateway without leaving the person waiting forever. */
    static final Duration CREATE_DEADLINE = Duration.ofSeconds(60);

    private final ApiSettings settings;
    private final ChainhubService service;
    private final RateLimiter limiter;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final CreateRequests requests = new CreateRequests();
    private final ResponseDecoder decoder = new ResponseDecoder(new WireJson());
    private final JsonAdapter<WireCreateAnswer> answer =
            new Moshi.Builder().add(new LenientJsonAdapters()).build().adapter(WireCreateAnswer.class);

    public CreateClient(
            ApiSettings settings,
            OkHttpClient http,
            RateLimiter limiter,
            RetryPolicy retry,
            Sleeper sleeper,
            RandomGenerator random) {
        this.settings = settings;
        this.limiter = limiter;
        this.retry = retry;
        this.sleeper = sleeper;
        this.random = random;
        OkHttpClient client = HttpClients.forQueries(http, settings, MAX_BODY_BYTES)
                .newBuilder()
                .retryOnConnectionFailure(false)
                .callTimeout(CREATE_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                .build();
        this.service = new Retrofit.Builder()
                .baseUrl(settings.baseUrl())
                .client(client)
                .build()
                .create(ChainhubService.class);
    }

    public CreateClient(ApiSettings settings, OkHttpClient http) {
        this(
                settings,
                http,
                new RateLimiter(settings.requestsPerSecond()),
                RetryPolicy.DEFAULT,
                Sleeper.REAL,
                RandomGenerator.getDefault());
    }

    /** Sends the request; the answer's task id, or why there is none. */
    public CreatedTask create(GenerationRequest request) throws ApiException, InterruptedException {
        if (!request.missing().isEmpty()) {
            throw new ServiceErrorException(
                    "A generation needs " + String.join(", ", request.missing()) + ".", ErrorDetails.NONE, false);
        }
        String json = requests.toJson(request);
        for (int attempt = 1; ; attempt++) {
            limiter.acquire();
            try {
                return once(request.kind(), json);
            } catch (NotSentException e) {
                if (attempt >= retry.maxAttempts()) {
                    throw networkError(e.getCause());
                }
                Duration pause = retry.delayAfter(attempt, null, random);
                LOG.debug(
                        "Create attempt {} was not sent ({}); trying again in {} ms",
                        attempt,
                        e.getCause().toString(),
                        pause.toMillis());
                sleeper.sleep(pause);
            }
        }
    }

    private CreatedTask once(TaskKind kind, String json) throws ApiException, InterruptedException, NotSentException {
        RequestBody body = RequestBody.create(json, JSON);
        Response<ResponseBody> response;
        String text;
        try {
            response = (kind == TaskKind.VIDEO ? service.createVideo(body) : service.createImage(body)).execute();
            text = read(response.isSuccessful() ? response.body() : response.errorBody());
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("Create interrupted");
            }
            if (neverSent(e)) {
                throw new NotSentException(e);
            }
            LOG.warn(
                    "A create to {} may have been received: {}",
                    settings.baseUrl().host(),
                    e.toString());
            throw new MaybeReceivedException(
                    "The connection to " + settings.baseUrl().host() + " failed after the request was sent,"
                            + " so the service may have received it and started the generation. It was not sent again: check the task list"
                            + " (or the service) before trying again.",
                    ErrorDetails.NONE,
                    e);
        }
        LOG.info("POST aigc-{} -> HTTP {}", kind.name().toLowerCase(Locale.ROOT), response.code());
        return decode(
                response.code(),
                text,
                json,
                QueryClient.retryAfter(response.headers().get("Retry-After")));
    }

    private CreatedTask decode(int status, String text, String sent, Duration retryAfter) throws ApiException {
        WireCreateAnswer a;
        try {
            a = text.strip().startsWith("{") ? answer.fromJson(text) : null;
        } catch (IOException | JsonDataException e) {
            a = null;
        }
        if (a == null || a.response == null) {
            throw decoder.failure(status, text, retryAfter);
        }
        if (a.response.error != null) {
            throw decoder.createRefused(
                    status, a.response.error.code, a.response.error.message, a.response.requestId, retryAfter);
        }
        if (status < 200 || status >= 300) {
            throw decoder.failure(status, "", retryAfter);
        }
        try {
            return new CreatedTask(
                    TaskId.parse(a.response.taskId == null ? "" : a.response.taskId), a.response.requestId, sent);
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException(
                    "The service accepted the generation but its answer has no usable task id ("
                            + (a.response.taskId == null ? "none" : "\"" + a.response.taskId + "\"") + "). Request id: "
                            + a.response.requestId + ".",
                    new ErrorDetails(status, null, null, a.response.requestId),
                    e);
        }
    }

    /** Failures where the request cannot have left this machine. */
    private static boolean neverSent(IOException e) {
        if (e instanceof UnknownHostException || e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return true;
        }
        return e instanceof SocketTimeoutException
                && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("connect");
    }

    private NetworkErrorException networkError(Throwable e) {
        String host = settings.baseUrl().host();
        String why = e instanceof UnknownHostException
                ? "Cannot find " + host + ". Check the network connection."
                : "Cannot connect to " + host + ". The network may be down. Nothing was sent.";
        return new NetworkErrorException(why, ErrorDetails.NONE, e);
    }

    private static String read(ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        try (body) {
            return body.string();
        }
    }

    /** Internal: the request did not leave; trying again cannot start a second generation. */
    private static final class NotSentException extends Exception {
        NotSentException(IOException cause) {
            super(cause);
        }
    }
}
