package dev.aigcdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.aigcdesk.app.Wiring;
import dev.aigcdesk.demo.DemoCatalog;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real command line, wired as in the app, against the demo service or a loopback server. */
class CliTest {

    private static final String RED_PANDA = "1250000000-AigcImageTask-f6703ed2eef5e89481544f0d5cb71624t";
    private static final String MISSING = "1250000000-AigcImageTask-ea21841da70e6405af19fabc4ff8bdd9t";
    private static final String EXPIRED = DemoCatalog.sample("shanghai-poster").value();
    private static final List<String> JSON_KEYS = List.of(
            "taskId",
            "kind",
            "state",
            "progress",
            "prompt",
            "negativePrompt",
            "model",
            "modelVersion",
            "createTime",
            "finishTime",
            "files",
            "error",
            "requestId");

    @TempDir
    Path home;

    record Run(int exit, String out, String err) {
        List<Map<String, Object>> jsonLines() {
            var adapter = new Moshi.Builder()
                    .build()
                    .<Map<String, Object>>adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
            return out.lines()
                    .map(l -> {
                        try {
                            return adapter.fromJson(l);
                        } catch (IOException e) {
                            throw new AssertionError("Not a JSON line: " + l, e);
                        }
                    })
                    .toList();
        }
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new Wiring(Map.of("AIGC_DESK_HOME", home.toString()), Clock.systemUTC()))
                .run(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void queryJsonPrintsOneLineWithExactlyTheDocumentedKeys() {
        Run r = run("--demo", "query", RED_PANDA, "--json");
        assertThat(r.exit()).isZero();
        Map<String, Object> line = r.jsonLines().get(0);
        assertThat(List.copyOf(line.keySet())).isEqualTo(JSON_KEYS);
        assertThat(line)
                .containsEntry("taskId", RED_PANDA)
                .containsEntry("kind", "image")
                .containsEntry("state", "succeeded")
                .containsEntry("model", "GEM")
                .containsEntry("modelVersion", "2.5")
                .containsEntry("error", null);
        assertThat(((List<?>) line.get("files")))
                .singleElement()
                .satisfies(
                        f -> assertThat(asMap(f).keySet()).containsExactly("url", "expireTime", "storageMode", "type"));
    }

    @Test
    void globalOptionsWorkAfterTheCommandToo() {
        Run r = run("query", RED_PANDA, "--json", "--demo");
        assertThat(r.exit()).isZero();
        assertThat(r.jsonLines()).hasSize(1);
    }

    @Test
    void failedQueryKeepsItsLineAndExitsOne() {
        Run r = run("--demo", "query", RED_PANDA, MISSING, "--json");
        assertThat(r.exit()).isEqualTo(1);
        List<Map<String, Object>> lines = r.jsonLines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).containsEntry("taskId", MISSING);
        assertThat(asMap(lines.get(1).get("error"))).containsEntry("code", "ResourceNotFound");
        assertThat(r.err().lines())
                .singleElement()
                .satisfies(l -> assertThat(l).startsWith(MISSING + ": Task").contains("[ResourceNotFound]"));
    }

    @Test
    void readableSummaryWithoutJson() {
        Run r = run("--demo", "query", RED_PANDA);
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("Image · GEM 2.5 · Succeeded (1 file)")
                .contains("Prompt:   a red panda")
                .contains("Expires in 5 days");
    }

    @Test
    void invalidIdIsAUsageError() {
        Run r = run("--demo", "query", "../../etc/passwd");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is not a task id");
    }

    @Test
    void downloadsADemoImageAndSkipsItTheSecondTime() throws Exception {
        Path to = home.resolve("out");
        Run first = run("--demo", "download", RED_PANDA, "--to", to.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        Path file;
        try (var saved = Files.list(to)) {
            file = saved.filter(p -> p.getFileName()
                            .toString()
                            .endsWith("-" + TaskId.parse(RED_PANDA).shortId() + "-1.png"))
                    .findFirst()
                    .orElseThrow();
        }
        assertThat(file.getFileName().toString())
                .as("named like the archive: date, prompt, id")
                .matches("\\d{8}-\\d{4}-.+-1\\.png");
        assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(768);
        assertThat(first.out()).startsWith("Saved " + file);

        Run second = run("--demo", "download", RED_PANDA, "--to", to.toString());
        assertThat(second.out()).startsWith("Already saved " + file);
        try (var files = Files.list(to)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void expiredFileIsReportedNotFetched() {
        Run r = run("--demo", "download", EXPIRED, "--to", home.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("expired");
    }

    @Test
    void deadNetworkGivesNetworkCode() throws Exception {
        MockWebServer gone = new MockWebServer();
        gone.start(InetAddress.getLoopbackAddress(), 0);
        String base = gone.url("/").toString();
        gone.close();
        Run r = run("--api-base", base, "query", RED_PANDA, "--json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(asMap(r.jsonLines().get(0).get("error"))).containsEntry("code", "Network");
        assertThat(r.err()).contains("Cannot connect");
    }

    @Test
    void rejectedKeyGivesUnauthorizedAndTheKeyIsNeverPrinted() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder()
                    .code(401)
                    .body(Fixtures.read("aggregator_401.json"))
                    .build());
            server.start(InetAddress.getLoopbackAddress(), 0);
            Run r = run(
                    "--api-base",
                    server.url("/").toString(),
                    "--api-key",
                    "sk-chainhub-TOPSECRET",
                    "--verbose",
                    "query",
                    RED_PANDA,
                    "--json");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(asMap(r.jsonLines().get(0).get("error"))).containsEntry("code", "Unauthorized");
            assertThat(r.err()).contains("DEBUG").contains("HTTP 401");
            assertThat(r.out() + r.err()).doesNotContain("TOPSECRET");
            assertThat(server.takeRequest().getHeaders().get("Authorization"))
                    .isEqualTo("Bearer sk-chainhub-TOPSECRET");
        }
    }

    @Test
    void malformedAnswerGivesMalformedCode() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder()
                    .code(200)
                    .body("{\"Response\":{\"Status\":\"FIN")
                    .build());
            server.start(InetAddress.getLoopbackAddress(), 0);
            Run r = run("--api-base", server.url("/").toString(), "query", RED_PANDA, "--json");
            assertThat(asMap(r.jsonLines().get(0).get("error"))).containsEntry("code", "Malformed");
        }
    }

    @Test
    void versionComesFromThePom() {
        Run r = run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).matches("AIGC Desk \\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void noCommandPrintsUsage() {
        Run r = run();
        assertThat(r.out())
                .contains("Usage: aigc-desk")
                .contains("query")
                .contains("download")
                .contains("demo-server");
    }
}
