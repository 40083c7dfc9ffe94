package dev.aigcdesk.demo;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aigcdesk.domain.TaskKind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated chainhub service on loopback, answering {@code GET /tencent-vod/v1/query/{id}} in the
 * real wire format and serving the outputs with {@code Range} support. Tasks advance with the
 * clock from the moment the server starts.
 */
public final class DemoServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoServer.class);
    private static final String QUERY_PREFIX = "/tencent-vod/v1/query/";
    private static final String FILE_PREFIX = "/files/";
    private static final String CREATE_PREFIX = "/tencent-vod/v1/";
    private final JsonAdapter<Object> json = new Moshi.Builder().build().adapter(Object.class);
    private static final Pattern FILE_PATH = Pattern.compile("/files/([0-9a-f]{8})/(\\d+)/[A-Za-z]+\\.(png|jpg|mp4)");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final DemoCatalog catalog;
    private final Clock clock;
    private final DemoFiles files = new DemoFiles();
    private HttpServer server;
    private ExecutorService executor;
    private Instant startedAt;

    private final DemoCreations creations;

    public DemoServer(DemoCatalog catalog, Clock clock) {
        this(catalog, clock, new DemoCreations(null));
    }

    /** @param creations where generations started against this demo are kept between runs */
    public DemoServer(DemoCatalog catalog, Clock clock, DemoCreations creations) {
        this.catalog = catalog;
        this.clock = clock;
        this.creations = creations;
        creations.load().forEach(catalog::add);
    }

    /** Starts on 127.0.0.1; port 0 picks a free one. The timeline starts now. */
    public DemoServer start(int port) throws IOException {
        return start(port, clock.instant());
    }

    /**
     * Starts with the demo's timeline anchored at {@code epoch}, so that tasks keep their progress
     * across runs of the app that share one demo library.
     */
    public DemoServer start(int port, Instant epoch) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "demo-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        startedAt = epoch;
        server.start();
        LOG.info("Demo service listening on {}", baseUrl());
        return this;
    }

    /** Prefers {@code port} so that file links stay valid between runs; takes any free port when it is busy. */
    public DemoServer startPreferring(int port, Instant epoch) throws IOException {
        try {
            return start(port, epoch);
        } catch (BindException busy) {
            return start(0, epoch);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public DemoCatalog catalog() {
        return catalog;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if ("POST".equals(exchange.getRequestMethod()) && path.startsWith(CREATE_PREFIX)) {
                create(exchange, path.substring(CREATE_PREFIX.length()));
            } else if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "Method not allowed".getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith(QUERY_PREFIX)) {
                query(exchange, decode(path.substring(QUERY_PREFIX.length())));
            } else if (path.startsWith(FILE_PREFIX)) {
                file(exchange, path);
            } else {
                send(exchange, 404, "text/plain", "Not found".getBytes(StandardCharsets.UTF_8));
            }
        } catch (RuntimeException e) {
            LOG.warn("Demo service failed to answer {}", exchange.getRequestURI(), e);
        }
    }

    private void query(HttpExchange exchange, String id) throws IOException {
        Optional<DemoTask> task = catalog.find(id).filter(t -> t.outcome() != DemoTask.Outcome.NOT_FOUND);
        String body = task.map(t -> DemoResponses.describe(t, startedAt, clock.instant(), baseUrl() + "files/"))
                .orElseGet(DemoResponses::notFound);
        send(exchange, 200, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code POST aigc-image} / {@code aigc-video}: a new task that starts now, or Tencent's error for a bad body. */
    private void create(HttpExchange exchange, String endpoint) throws IOException {
        TaskKind kind = switch (endpoint) {
            case "aigc-image" -> TaskKind.IMAGE;
            case "aigc-video" -> TaskKind.VIDEO;
            default -> null;
        };
        if (kind == null) {
            send(exchange, 404, "text/plain", "Not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<?, ?> body;
        try {
            body = json.fromJson(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                            instanceof Map<?, ?> m
                    ? m
                    : Map.of();
        } catch (IOException | RuntimeException e) {
            body = Map.of();
        }
        String model = text(body.get("model_name"));
        String version = text(body.get("model_version"));
        String prompt = text(body.get("prompt"));
        if (model.isEmpty() || version.isEmpty() || prompt.isEmpty()) {
            send(
                    exchange,
                    200,
                    "application/json; charset=utf-8",
                    DemoResponses.error("InvalidParameterValue", "model_name, model_version and prompt are required.")
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<?, ?> config = body.get("output_config") instanceof Map<?, ?> m ? m : Map.of();
        String negative = text(body.get("negative_prompt"));
        Duration offset = Duration.between(startedAt, clock.instant());
        DemoTask task = catalog.add(DemoCreations.create(
                DemoCatalog.newId(kind),
                model,
                version,
                prompt,
                negative.isEmpty() ? null : negative,
                offset,
                orElse(text(config.get("resolution")), kind == TaskKind.VIDEO ? "720P" : "1K"),
                orElse(text(config.get("aspect_ratio")), kind == TaskKind.VIDEO ? "16:9" : "1:1")));
        creations.keep(task);
        LOG.info("Demo service started {}", task.id());
        send(
                exchange,
                200,
                "application/json; charset=utf-8",
                DemoResponses.created(task.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Object o) {
        return o instanceof String s ? s.strip() : "";
    }

    private static String orElse(String s, String fallback) {
        return s.isEmpty() ? fallback : s;
    }

    private void file(HttpExchange exchange, String path) throws IOException {
        Matcher m = FILE_PATH.matcher(path);
        Optional<DemoTask> task = m.matches()
                ? catalog.tasks().stream()
                        .filter(t -> t.id().shortId().equals(m.group(1)))
                        .findFirst()
                : Optional.empty();
        int n = m.matches() ? Integer.parseInt(m.group(2)) : 0;
        if (task.isEmpty() || n < 1 || n > task.get().fileCount() || expired(task.get())) {
            send(exchange, 404, "text/plain", "No such file".getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] bytes = files.bytes(task.get(), n);
        String type = switch (m.group(3)) {
            case "png" -> "image/png";
            case "jpg" -> "image/jpeg";
            default -> "video/mp4";
        };
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        String range = exchange.getRequestHeaders().getFirst("Range");
        Matcher r = range == null ? null : RANGE.matcher(range.strip());
        if (r != null && r.matches()) {
            long start = Long.parseLong(r.group(1));
            long end = r.group(2).isEmpty() ? bytes.length - 1 : Math.min(bytes.length - 1, Long.parseLong(r.group(2)));
            if (start >= bytes.length || start > end) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + bytes.length);
                send(exchange, 416, "text/plain", new byte[0]);
                return;
            }
            exchange.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + bytes.length);
            byte[] slice = Arrays.copyOfRange(bytes, (int) start, (int) end + 1);
            send(exchange, 206, type, slice);
            return;
        }
        send(exchange, 200, type, bytes);
    }

    private boolean expired(DemoTask t) {
        Instant finished = startedAt.plus(t.startOffset()).plus(t.waitFor()).plus(t.runFor());
        return clock.instant().isAfter(finished.plus(t.fileLifetime()));
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
