package dev.aigcdesk.api;

import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** Builds the one OkHttp client the app uses for queries and downloads. */
public final class HttpClients {

    private HttpClients() {
    }

    public static OkHttpClient create(ApiSettings settings) {
        OkHttpClient.Builder b = new OkHttpClient.Builder();
        if (settings.proxy() != null) {
            b.proxy(settings.proxy());
        }
        return b
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("User-Agent", settings.userAgent())
                        .build()))
                .build();
    }

    /** The same client with the bearer key added, only for requests to the API host. */
    static OkHttpClient withAuth(OkHttpClient base, ApiSettings settings) {
        return base.newBuilder()
                .addInterceptor(chain -> {
                    Request request = chain.request();
                    if (settings.key().isPresent() && request.url().host().equals(settings.baseUrl().host())) {
                        request = request.newBuilder().header("Authorization", "Bearer " + settings.apiKey()).build();
                    }
                    return chain.proceed(request);
                })
                .build();
    }
}
