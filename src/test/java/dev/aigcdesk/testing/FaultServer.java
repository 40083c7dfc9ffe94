package dev.aigcdesk.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;

/**
 * A loopback stand-in of the service that misbehaves on purpose. It answers queries in the exact
 * wire format for a few finished tasks and serves their files; each fault switched on spoils the
 * first try of every query or download it applies to, so a client that keeps its promises still
 * ends with every file saved.
 */
public final class FaultServer implements AutoCloseable {

    /** The ways a real server, proxy or network goes wrong. */
    public enum Fault {
        /** The connection drops before any answer. */
        DROP,
        /** 429 with Retry-After: 1. */
        RATE_LIMIT,
        /** HTTP 500 and 502. */
        SERVER_ERROR,
        /** The body stops half way (the connection closes). */
        TRUNCATED,
        /** Files trickle in, a kilobyte at a time. */
        DRIP,
        /** A query answer that never ends (20 MB of padding). */
        ENDLESS,
        /** MetaData.Size says something else than the bytes served. */
        SIZE_LIE,
        /** Every ExpireTime has already passed (the files are still there). */
        EXPIRED,
        /** Prompts and file names built to escape the archive folder and the terminal. */
        HOSTILE_NAMES,
        /** A query answer that comes one byte at a time, slower than any deadline allows. */
        DRIP_ANSWER,
        /** A file that comes ten bytes at a time (50 B/s): every read gets something, so only a speed floor sees it. */
        DRIP_FILE
    }

    /** One finished task and the bytes of its outputs. */
    public record Task(String id, String prompt, List<byte[]> files, String ext) {}

    private final MockWebServer server = new MockWebServer();
    private final Set<Fault> faults;
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
    private volatile boolean dripEveryAnswer;

    public FaultServer(Set<Fault> faults) throws IOException {
        this.faults = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return answer(r);
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
        add(new Task(
                "1397741205-AigcImageTask-a0000000000000000000000000000001t",
                "a lighthouse at dawn, risograph",
                List.of(Images.encode(48, 32, "png")),
                "png"));
        add(new Task(
                "1397741205-AigcImageTask-a0000000000000000000000000000002t",
                "four kitchen icons, flat pastel",
                List.of(
                        Images.encode(16, 16, "jpg"),
                        Images.encode(17, 16, "jpg"),
                        Images.encode(18, 16, "jpg"),
                        Images.encode(19, 16, "jpg")),
                "jpg"));
        byte[] video = new byte[200_000];
        new Random(3).nextBytes(video);
        System.arraycopy(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'}, 0, video, 0, 12);
        add(new Task(
                "1397741205-AigcVideoTask-a0000000000000000000000000000003t",
                "a car on a coastal road at golden hour",
                List.of(video),
                "mp4"));
    }

    /** Another finished task this server answers for. */
    public void add(Task t) {
        tasks.put(t.id(), t);
        for (int i = 0; i < t.files().size(); i++) {
            files.put(filePath(t, i), t.files().get(i));
        }
    }

    private String filePath(Task t, int i) {
        String name = faults.contains(Fault.HOSTILE_NAMES)
                ? "..%2F..%2F%2E%2E%2Fpasswd%00" + i + ".png"
                : "out-" + i + "." + t.ext();
        return "/files/" + t.id() + "/" + name;
    }

    public String baseUrl() {
        return server.url("/").toString();
    }

    public Map<String, Task> tasks() {
        return tasks;
    }

    /** While on, every query answer drips (not only the first try's): a server that stays too slow. */
    public void dripEveryAnswer(boolean on) {
        dripEveryAnswer = on;
    }

    public int requestCount() {
        return server.getRequestCount();
    }

    private MockResponse answer(RecordedRequest r) {
        String path = r.getUrl().encodedPath();
        boolean query = path.startsWith("/tencent-vod/v1/query/");
        boolean first = tries.computeIfAbsent(path, k -> new AtomicInteger()).getAndIncrement() == 0;
        if (query && dripEveryAnswer) {
            return drippingAnswer();
        }
        if (first) {
            MockResponse spoiled = spoil(query);
            if (spoiled != null) {
                return spoiled;
            }
        }
        if (query) {
            Task t = tasks.get(path.substring(path.lastIndexOf('/') + 1));
            if (t == null) {
                return new MockResponse.Builder()
                        .body(Fixtures.read("error_task_not_found.json"))
                        .build();
            }
            return new MockResponse.Builder().body(answerFor(t)).build();
        }
        byte[] body = files.get(path);
        if (body == null) {
            return new MockResponse.Builder().code(404).build();
        }
        MockResponse.Builder b = new MockResponse.Builder().body(new Buffer().write(body));
        if (faults.contains(Fault.DRIP)) {
            b.throttleBody(16 * 1024, 20, TimeUnit.MILLISECONDS);
        }
        return b.build();
    }

    /** The first try's misbehaviour, or null when no fault applies to it. */
    private MockResponse spoil(boolean query) {
        List<MockResponse> options = new ArrayList<>();
        if (faults.contains(Fault.DROP)) {
            options.add(new MockResponse.Builder()
                    .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                    .build());
        }
        if (faults.contains(Fault.RATE_LIMIT)) {
            options.add(new MockResponse.Builder()
                    .code(429)
                    .addHeader("Retry-After", "1")
                    .body("{\"error\":\"slow down\"}")
                    .build());
        }
        if (faults.contains(Fault.SERVER_ERROR)) {
            options.add(new MockResponse.Builder()
                    .code(query ? 500 : 502)
                    .body("<html>Bad Gateway</html>")
                    .build());
        }
        if (faults.contains(Fault.TRUNCATED)) {
            options.add(new MockResponse.Builder()
                    .body(new Buffer().write(new byte[64 * 1024]))
                    .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                    .build());
        }
        if (faults.contains(Fault.ENDLESS) && query) {
            Buffer huge = new Buffer();
            huge.writeUtf8("{\"Response\":{\"Padding\":\"");
            byte[] chunk = new byte[1024 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 20; i++) {
                huge.write(chunk);
            }
            options.add(new MockResponse.Builder().chunkedBody(huge, 64 * 1024).build());
        }
        if (faults.contains(Fault.DRIP_ANSWER) && query) {
            options.add(drippingAnswer());
        }
        if (faults.contains(Fault.DRIP_FILE) && !query) {
            byte[] slow = new byte[256 * 1024];
            options.add(new MockResponse.Builder()
                    .body(new Buffer().write(slow))
                    .throttleBody(10, 200, TimeUnit.MILLISECONDS)
                    .build());
        }
        return options.isEmpty() ? null : options.get(Math.floorMod(tries.size(), options.size()));
    }

    private static MockResponse drippingAnswer() {
        return new MockResponse.Builder()
                .body(Fixtures.read("image_finish_single.json"))
                .throttleBody(1, 300, TimeUnit.MILLISECONDS)
                .build();
    }

    private String answerFor(Task t) {
        boolean video = t.id().contains("Video");
        String prompt = faults.contains(Fault.HOSTILE_NAMES)
                ? "../../../etc/passwd \\u001b[31mred\\u001b[0m " + t.prompt()
                : t.prompt();
        Instant expire = faults.contains(Fault.EXPIRED)
                ? Instant.now().minusSeconds(3600)
                : Instant.now().plusSeconds(7 * 86400);
        StringBuilder fileInfos = new StringBuilder();
        for (int i = 0; i < t.files().size(); i++) {
            long size = t.files().get(i).length + (faults.contains(Fault.SIZE_LIE) ? 1234 : 0);
            fileInfos
                    .append(i == 0 ? "" : ",")
                    .append("{\"FileUrl\":\"")
                    .append(baseUrl(), 0, baseUrl().length() - 1)
                    .append(filePath(t, i))
                    .append("\",\"ExpireTime\":\"")
                    .append(expire)
                    .append("\",\"StorageMode\":\"Temporary\",\"FileType\":\"")
                    .append(t.ext())
                    .append("\",\"MetaData\":{\"Size\":")
                    .append(size)
                    .append("}}");
        }
        String inner =
                "{\"TaskId\":\"" + t.id() + "\",\"Status\":\"FINISH\",\"ErrCode\":0,\"Message\":\"\",\"Progress\":100,"
                        + "\"Input\":{\"ModelName\":\"GEM\",\"ModelVersion\":\"2.5\",\"Prompt\":\"" + prompt + "\"},"
                        + "\"Output\":{\"FileInfos\":[" + fileInfos + "]}}";
        return "{\"Response\":{\"TaskType\":\"" + (video ? "AigcVideoTask" : "AigcImageTask")
                + "\",\"Status\":\"FINISH\","
                + "\"CreateTime\":\"2026-11-30T09:00:00Z\",\"FinishTime\":\"2026-11-30T09:01:00Z\","
                + "\"" + (video ? "AigcVideoTask" : "AigcImageTask") + "\":" + inner + ",\"RequestId\":\"fault-"
                + t.id().hashCode() + "\"}}";
    }

    @Override
    public void close() {
        server.close();
    }
}
