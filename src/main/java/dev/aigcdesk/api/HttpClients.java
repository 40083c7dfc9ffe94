package dev.aigcdesk.api;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/** Builds the one OkHttp client the app uses for queries and downloads. */
public final class HttpClients {

    private HttpClients() {}

    public static OkHttpClient create(ApiSettings settings) {
        OkHttpClient.Builder b = new OkHttpClient.Builder();
        if (settings.proxy() != null) {
            b.proxy(settings.proxy());
        }
        return b.connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .addInterceptor(chain -> chain.proceed(chain.request()
                        .newBuilder()
                        .header("User-Agent", settings.userAgent())
                        .build()))
                .build();
    }

    /**
     * The client for queries: the bearer key added only for requests to the API host, a deadline for
     * the whole call, and answers capped at {@code maxBody} bytes while they are read, so an endless
     * answer ends in an error instead of filling the memory.
     */
    static OkHttpClient forQueries(OkHttpClient base, ApiSettings settings, long maxBody) {
        return forQueries(base, settings, maxBody, QueryDeadlines.DEFAULT.perCall(), SocketFactory.getDefault());
    }

    /** As above, with the deadline of one call and the sockets (counting ones, for the words of a timeout). */
    static OkHttpClient forQueries(
            OkHttpClient base, ApiSettings settings, long maxBody, Duration perCall, SocketFactory sockets) {
        return base.newBuilder()
                .socketFactory(sockets)
                .callTimeout(perCall.toMillis(), TimeUnit.MILLISECONDS)
                .addInterceptor(chain -> {
                    Response response = chain.proceed(chain.request());
                    ResponseBody body = response.body();
                    return response.newBuilder()
                            .body(ResponseBody.create(
                                    Okio.buffer(new CappedSource(body.source(), maxBody)),
                                    body.contentType(),
                                    body.contentLength()))
                            .build();
                })
                .addInterceptor(chain -> {
                    Request request = chain.request();
                    if (settings.key().isPresent()
                            && request.url().host().equals(settings.baseUrl().host())) {
                        request = request.newBuilder()
                                .header("Authorization", "Bearer " + settings.apiKey())
                                .build();
                    }
                    return chain.proceed(request);
                })
                .build();
    }

    /** Fails the read once more than {@code cap} bytes came: checked as the bytes arrive, before anything buffers them. */
    static final class CappedSource extends ForwardingSource {
        private final long cap;
        private long read;

        CappedSource(Source delegate, long cap) {
            super(delegate);
            this.cap = cap;
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            long n = super.read(sink, byteCount);
            if (n > 0) {
                read += n;
                if (read > cap) {
                    throw new AnswerTooLargeException(cap);
                }
            }
            return n;
        }
    }

    /** An answer over the cap: no task answer is that large. */
    static final class AnswerTooLargeException extends IOException {
        AnswerTooLargeException(long cap) {
            super("Response larger than " + cap + " bytes");
        }
    }
}
