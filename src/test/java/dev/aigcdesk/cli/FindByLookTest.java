package dev.aigcdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.app.Wiring;
import dev.aigcdesk.testing.FaultServer;
import dev.aigcdesk.testing.Pictures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding pictures by look from the command line, on pictures the test draws and a loopback service that
 * serves them as finished generations: more like this, a colour, near-duplicates, palettes in JSON, and
 * bad input said plainly.
 */
class FindByLookTest {

    @TempDir
    Path dir;

    private FaultServer service;
    private final List<String> ids = new ArrayList<>();

    record Run(int exit, String out, String err) {}

    private static String id(int n) {
        return String.format("1397741205-AigcImageTask-b%031xt", n);
    }

    @BeforeEach
    void pictures() throws Exception {
        service = new FaultServer(Set.of());
        ids.addAll(Pictures.serveLookSet(service, FindByLookTest::id));
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
    }

    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--api-base", service.baseUrl(), "--api-key", "k"));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new Wiring(
                        Map.of("AIGC_DESK_HOME", dir.resolve("home").toString(), "AIGC_DESK_KEYCHAIN", "off"),
                        Clock.systemUTC()))
                .run(
                        all.toArray(String[]::new),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private List<String> order(String out) {
        List<String> seen = new ArrayList<>();
        for (String line : out.split("\n")) {
            for (String id : ids) {
                if (line.contains(id)) {
                    seen.add(id);
                }
            }
        }
        return seen;
    }

    @Test
    void moreLikeThisAColourAndNearDuplicatesFromTheCommandLine() {
        List<String> add = new ArrayList<>(List.of("add"));
        add.addAll(ids);
        assertThat(run(add.toArray(String[]::new)).exit()).isZero();
        Run sync = run("sync", "--watch");
        assertThat(sync.exit()).as(sync.err()).isZero();
        assertThat(sync.out()).contains("for finding by look");

        List<String> like = order(run("list", "--like", id(1), "--json").out());
        assertThat(like.get(0)).isEqualTo(id(1));
        assertThat(like.subList(1, 3)).containsExactlyInAnyOrder(id(2), id(3));
        assertThat(like.get(3)).as("the same shapes in other colours next").isEqualTo(id(4));
        assertThat(run("list", "--like", id(1), "--limit", "2").out()).contains("2 tasks");

        assertThat(order(run("list", "--color", "#8B4513", "--limit", "1").out()))
                .as("saddle brown: the brown gradient")
                .containsExactly(id(7));
        assertThat(order(run("list", "--colour", "1E90FF").out()).get(0)).isIn(id(1), id(2), id(3));

        Run dups = run("duplicates", "--json");
        assertThat(dups.exit()).isZero();
        String[] groups = dups.out().strip().split("\n");
        assertThat(groups).hasSize(1);
        assertThat(groups[0]).contains(id(1), id(2), id(3)).doesNotContain(id(4));
        assertThat(groups[0].substring(0, groups[0].indexOf("\"others\"")))
                .as("the half-size copy is not the one to keep")
                .doesNotContain(id(3));
        assertThat(run("duplicates").out()).contains("3 copies of one picture").contains("Nothing was removed");

        Run json = run("list", "--json");
        assertThat(json.out()).containsPattern("\"palette\":\\[\\{\"hex\":\"#[0-9A-F]{6}\",\"share\":0\\.\\d+");
    }

    @Test
    void badIdsAndColoursAreSaidPlainly() {
        assertThat(run("add", id(1)).exit()).isZero();
        Run notAnId = run("list", "--like", "not-a-task");
        assertThat(notAnId.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(notAnId.err()).contains("--like");
        Run absent = run("list", "--like", id(99));
        assertThat(absent.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(absent.err()).contains("is not in the library");
        Run unsaved = run("list", "--like", id(1));
        assertThat(unsaved.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(unsaved.err()).contains("has no saved picture");
        Run notAColour = run("list", "--color", "blueish");
        assertThat(notAColour.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(notAColour.err()).contains("is not a colour").contains("#1E90FF");
        Run both = run("list", "--color", "#fff", "--like", id(1));
        assertThat(both.exit()).isEqualTo(ExitCodes.USAGE);
    }
}
