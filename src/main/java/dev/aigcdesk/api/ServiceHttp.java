package dev.aigcdesk.api;

import dev.aigcdesk.pacing.RateLimiter;
import okhttp3.OkHttpClient;

/**
 * One session's HTTP client (proxy, timeouts, User-Agent), shared by queries and downloads so they
 * reuse connections; closing it stops its threads and drops idle connections.
 *
 * <p>The client is built on first use: building it loads TLS and the system's trust store (some
 * 300 classes and ~100 ms on JDK 17), which the window's first frame does not need.
 */
public final class ServiceHttp implements AutoCloseable {

    private final ApiSettings settings;
    private final QueryDeadlines deadlines;
    private OkHttpClient client;

    public ServiceHttp(ApiSettings settings, QueryDeadlines deadlines) {
        this.settings = settings;
        this.deadlines = deadlines;
    }

    public ServiceHttp(ApiSettings settings) {
        this(settings, QueryDeadlines.DEFAULT);
    }

    /** The query client over this connection, paced by the settings' rate. */
    public QueryClient queryClient() {
        return new QueryClient(settings, this::client, new RateLimiter(settings.requestsPerSecond()), deadlines);
    }

    /** The client that starts generations over this connection (never re-sends a request that may have arrived). */
    public CreateClient createClient() {
        return new CreateClient(settings, client());
    }

    /** The client itself, for downloads (which carry no key). */
    public synchronized OkHttpClient client() {
        if (client == null) {
            client = HttpClients.create(settings);
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }
}
