package dev.aigcdesk.api;

import okhttp3.OkHttpClient;

/**
 * One session's HTTP client (proxy, timeouts, User-Agent), shared by queries and downloads so they
 * reuse connections; closing it stops its threads and drops idle connections.
 */
public final class ServiceHttp implements AutoCloseable {

    private final ApiSettings settings;
    private final OkHttpClient client;

    public ServiceHttp(ApiSettings settings) {
        this.settings = settings;
        this.client = HttpClients.create(settings);
    }

    /** The query client over this connection, paced by the settings' rate. */
    public QueryClient queryClient() {
        return new QueryClient(settings, client, new dev.aigcdesk.pacing.RateLimiter(settings.requestsPerSecond()));
    }

    /** The client that starts generations over this connection (never re-sends a request that may have arrived). */
    public CreateClient createClient() {
        return new CreateClient(settings, client);
    }

    /** The client itself, for downloads (which carry no key). */
    public OkHttpClient client() {
        return client;
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
