package dev.aigcdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.app.Wiring;
import dev.aigcdesk.testing.Fixtures;
import dev.aigcdesk.testing.Images;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against hostile input and broken surroundings: a clear message, the right exit code, nothing lost. */
class BadInputTest {

    private static final String PNG_TASK = "1397741205-AigcImageTask-96a3be3cf272e017046d1b2674a52bd3t";
    private static final String OTHER_ACCOUNT = "1397741205-AigcImageTask-0000000000000000000000000000000at";
    private static final String HOSTILE = "1397741205-AigcImageTask-faeac4e1eef307c2ab7b0a3821e6c667t";

    @TempDir
    Path home;

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        byte[] png = Images.encode(32, 32, "png");
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String path = r.getUrl().encodedPath();
                if (path.endsWith(".png")) {
                    return new MockResponse.Builder()
                            .body(new Buffer().write(png))
                            .build();
                }
                String id = r.getUrl().pathSegments().get(r.getUrl().pathSize() - 1);
                if (id.equals(OTHER_ACCOUNT)) {
                    return new MockResponse.Builder()
                            .code(401)
                            .body(Fixtures.read("aggregator_401.json"))
                            .build();
                }
                if (id.equals(HOSTILE)) {
                    return new MockResponse.Builder()
                            .body(Fixtures.read("image_fail_prompt_violation.json")
                                    .replace(
                                            "Input Prompt violates policy", "\\u001b]0;pwned\\u0007\\u001b[2J\\r gone"))
                            .build();
                }
                return new MockResponse.Builder()
                        .body(Fixtures.read("image_finish_single.json")
                                .replace(
                                        "http://251000800.vod2.myqcloud.com/",
                                        server.url("/").toString()))
                        .build();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    record Run(int exit, String out, String err) {}

    private Run run(PrintStream out, ByteArrayOutputStream outBytes, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--api-base", server.url("/").toString(), "--api-key", "sk-test"));
        all.addAll(List.of(args));
        int code = new Cli(new Wiring(
                        Map.of("AIGC_DESK_HOME", home.toString(), "AIGC_DESK_KEYCHAIN", "off"), Clock.systemUTC()))
                .run(all.toArray(String[]::new), out, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(
                code,
                outBytes == null ? "" : outBytes.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return run(new PrintStream(out, true, StandardCharsets.UTF_8), out, args);
    }

    @Test
    void oneRefusedTaskDoesNotStopTheSyncAndTheSummaryAlwaysPrints() {
        assertThat(run("add", PNG_TASK, OTHER_ACCOUNT).exit()).isZero();
        Run sync = run("sync");
        assertThat(sync.out()).contains("saved ").contains("Saved 1 file");
        assertThat(sync.err()).contains("refused the key for 1 task").contains(OTHER_ACCOUNT);
        assertThat(sync.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(archived()).hasSize(1);
    }

    @Test
    void aKeyRefusedForEveryTaskIsSaidOnce() {
        run("add", OTHER_ACCOUNT);
        Run sync = run("sync");
        assertThat(sync.err()).contains("The API key was rejected for every task");
        assertThat(sync.out()).contains("Saved 0 files");
        assertThat(sync.exit()).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void anArchiveThatCannotBeWrittenFailsTheSyncWithTheReasonAndTheFolder() throws IOException {
        Files.writeString(home.resolve("archive"), "a file where the archive folder should be");
        run("add", PNG_TASK);
        Run sync = run("sync");
        assertThat(sync.exit()).isEqualTo(ExitCodes.STORAGE);
        assertThat(sync.err())
                .contains("Cannot save into the archive")
                .contains(home.resolve("archive").toString());
        // Fixed, the next sync saves it: nothing was lost meanwhile.
        Files.delete(home.resolve("archive"));
        assertThat(run("sync").exit()).isZero();
        assertThat(archived()).hasSize(1);
    }

    @Test
    void controlSequencesFromTheServiceNeverReachTheTerminalRaw() {
        Run r = run("query", HOSTILE);
        assertThat(r.out() + r.err())
                .doesNotContain("\u001b")
                .doesNotContain("\u0007")
                .doesNotContain("\r");
        assertThat(r.out() + r.err()).contains("\\x1b]0;pwned");
    }

    @Test
    void addReadsUtf16AndSkipsBytesThatAreNotText() throws IOException {
        Path list = home.resolve("ids.txt");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        bytes.write(("ids:\r\n" + PNG_TASK + "\r\n").getBytes(StandardCharsets.UTF_16LE));
        bytes.write(new byte[] {(byte) 0x00, (byte) 0xD8}); // a lone surrogate: not text
        bytes.write(("\r\n" + HOSTILE + "\r\n").getBytes(StandardCharsets.UTF_16LE));
        Files.write(list, bytes.toByteArray());
        Run r = run("add", "--from", list.toString());
        assertThat(r.out()).startsWith("Added 2, already present 0");
        assertThat(r.exit()).isZero();
    }

    @Test
    void exportRefusesLinksFoldersAndDevicesAndLeavesNoTemporaryFile() throws Exception {
        run("add", PNG_TASK);
        Path real = home.resolve("real.json");
        Files.writeString(real, "keep me");
        Path link = home.resolve("link.json");
        Files.createSymbolicLink(link, real);
        Path fifo = home.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(10, TimeUnit.SECONDS))
                .isTrue();

        for (Path target : List.of(link, home, fifo, Path.of("/dev/null"))) {
            Run r = run("export", "--format", "json", "--out", target.toString());
            assertThat(r.exit()).as(target.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(target.toString()).contains("Error: ");
        }
        assertThat(Files.readString(real)).isEqualTo("keep me");
        try (Stream<Path> s = Files.list(home)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void anExportToAFullStandardOutputFails() {
        run("add", PNG_TASK);
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        Run r = run(new PrintStream(full, true, StandardCharsets.UTF_8), null, "export", "--format", "json");
        assertThat(r.exit()).isEqualTo(ExitCodes.STORAGE);
        assertThat(r.err()).contains("could not be written completely");
    }

    @Test
    void anEmptyLibraryFileIsNeverTakenForANewLibrary() throws IOException {
        Path db = home.resolve("data/library.db");
        Files.createDirectories(db.getParent());
        Files.write(db, new byte[0]);
        Run r = run("list");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("empty (0 bytes)").contains("repair");
        assertThat(Files.size(db)).as("left as it was, for repair").isZero();
    }

    @Test
    void anUnusableHomeIsOneLineOnStderrAndNothingOnStdout() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb =
                new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.aigcdesk.Launcher", "list");
        pb.environment().put("AIGC_DESK_HOME", "/proc/aigc-desk-cannot-be-here");
        pb.redirectOutput(home.resolve("out.txt").toFile())
                .redirectError(home.resolve("err.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(ExitCodes.STORAGE);
        assertThat(Files.readString(home.resolve("out.txt"))).isEmpty();
        assertThat(Files.readAllLines(home.resolve("err.txt")))
                .singleElement()
                .asString()
                .contains("/proc/aigc-desk-cannot-be-here")
                .contains("AIGC_DESK_HOME");
    }

    private List<Path> archived() {
        Path archive = home.resolve("archive");
        if (!Files.isDirectory(archive)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(archive)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(archive.resolve(".incoming")))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
