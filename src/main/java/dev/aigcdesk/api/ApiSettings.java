package dev.aigcdesk.api;

import dev.aigcdesk.pacing.RateLimiter;
import java.net.Proxy;
import java.time.Duration;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * How to reach the service. The key is kept out of {@link #toString()} so it cannot end up in a
 * log line by accident.
 */
public record ApiSettings(
        HttpUrl baseUrl,
        String apiKey,
        Duration connectTimeout,
        Duration readTimeout,
        String userAgent,
        double requestsPerSecond,
        Proxy proxy) {

    public ApiSettings(
            HttpUrl baseUrl,
            String apiKey,
            Duration connectTimeout,
            Duration readTimeout,
            String userAgent,
            double requestsPerSecond) {
        this(baseUrl, apiKey, connectTimeout, readTimeout, userAgent, requestsPerSecond, null);
    }

    public static final String DEFAULT_BASE_URL = "https://api.chainhub.tech/";

    public ApiSettings {
        if (baseUrl == null) {
            throw new IllegalArgumentException("The API base URL is missing");
        }
        if (!baseUrl.encodedPath().endsWith("/")) {
            baseUrl = baseUrl.newBuilder().addPathSegment("").build();
        }
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    }

    /** Parses a base URL typed by a person; only http and https are accepted. */
    public static HttpUrl parseBaseUrl(String text) {
        HttpUrl url = text == null ? null : HttpUrl.parse(text.strip());
        if (url == null) {
            throw new IllegalArgumentException("'" + text + "' is not a valid http(s) URL for the API base");
        }
        return url;
    }

    public static ApiSettings defaults(String baseUrl, String apiKey, String version) {
        return new ApiSettings(
                parseBaseUrl(baseUrl == null ? DEFAULT_BASE_URL : baseUrl),
                apiKey,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                "AIGC-Desk/" + version,
                RateLimiter.DEFAULT_PER_SECOND);
    }

    public Optional<String> key() {
        return Optional.ofNullable(apiKey);
    }

    public ApiSettings withBaseUrl(HttpUrl url) {
        return new ApiSettings(url, apiKey, connectTimeout, readTimeout, userAgent, requestsPerSecond, proxy);
    }

    /** The same settings through a proxy: {@code Proxy.NO_PROXY} for none, null for the system's. */
    public ApiSettings withProxy(Proxy p) {
        return new ApiSettings(baseUrl, apiKey, connectTimeout, readTimeout, userAgent, requestsPerSecond, p);
    }

    @Override
    public String toString() {
        return "ApiSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "set") + ", connectTimeout="
                + connectTimeout
                + ", readTimeout=" + readTimeout + ", userAgent=" + userAgent + ", requestsPerSecond="
                + requestsPerSecond
                + ", proxy=" + (proxy == null ? "system" : proxy) + "]";
    }
}
