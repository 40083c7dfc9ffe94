package dev.aigcdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.aigcdesk.app.Wiring;
import dev.aigcdesk.demo.DemoCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rate, tag and collection in their exact forms, the list fields and filters they feed, all or nothing. */
class CurationCommandsTest {

    @TempDir
    Path home;

    private final String a = DemoCatalog.sample("red-panda").value();
    private final String b = DemoCatalog.sample("kitchen-icons").value();
    private final String c = DemoCatalog.sample("lighthouse").value();
    private final String stranger = "1250000000-AigcImageTask-0123456789abcdef0123456789abcdeft";

    record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "--demo";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = new Cli(new Wiring(Map.of("AIGC_DESK_HOME", home.toString()), Clock.systemUTC()))
                .run(
                        all,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(String jsonLines) throws Exception {
        var adapter = new Moshi.Builder()
                .build()
                .<Map<String, Object>>adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : jsonLines.strip().split("\\R")) {
            if (!line.isBlank()) {
                out.add(adapter.fromJson(line));
            }
        }
        return out;
    }

    private Map<String, Object> row(String id) throws Exception {
        return rows(run("list", "--json").out()).stream()
                .filter(r -> r.get("taskId").equals(id))
                .findFirst()
                .orElseThrow();
    }

    @BeforeEach
    void library() {
        assertThat(run("add", a, b, c).exit()).isZero();
    }

    @Test
    void starsGoFrom0To5AndAnUnknownIdChangesNothing() throws Exception {
        assertThat(run("rate", a, b, "--stars", "5").exit()).isZero();
        assertThat(row(a).get("stars")).isEqualTo(5.0);
        assertThat(row(c).get("stars")).as("never null: 0 for none").isEqualTo(0.0);

        Run bad = run("rate", a, stranger, "--stars", "1");
        assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains(stranger).contains("Nothing was changed");
        assertThat(row(a).get("stars")).as("all or nothing").isEqualTo(5.0);

        assertThat(run("rate", a, "--stars", "6").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("rate", a, "--stars", "0").exit()).isZero();
        assertThat(row(a).get("stars")).isEqualTo(0.0);

        assertThat(rows(run("list", "--json", "--min-stars", "4").out()))
                .extracting(r -> r.get("taskId"))
                .containsExactly(b);
        assertThat(rows(run("list", "--json", "--sort", "stars").out()).get(0).get("taskId"))
                .isEqualTo(b);
    }

    @Test
    void tagsMatchIgnoringCaseKeepTheirFirstSpellingAndAreSearched() throws Exception {
        assertThat(run("tag", a, b, "--add", "水墨", "--add", "Keep").exit()).isZero();
        assertThat(run("tag", c, "--add", "keep").exit()).isZero();
        assertThat(row(c).get("tags")).as("the first spelling is kept").isEqualTo(List.of("Keep"));
        assertThat(row(a).get("tags")).isEqualTo(List.of("Keep", "水墨"));

        assertThat(rows(run("list", "--json", "--tag", "KEEP", "--tag", "水墨").out()))
                .extracting(r -> r.get("taskId"))
                .containsExactlyInAnyOrder(a, b);
        assertThat(rows(run("list", "--json", "--search", "水墨").out()))
                .as("search covers tags")
                .extracting(r -> r.get("taskId"))
                .containsExactlyInAnyOrder(a, b);

        // Case is ignored in every script, not only ASCII.
        assertThat(run("tag", a, "--add", "Ärger").exit()).isZero();
        assertThat(run("tag", b, "--add", "ärger").exit()).isZero();
        assertThat(row(b).get("tags")).asList().contains("Ärger").doesNotContain("ärger");
        assertThat(rows(run("list", "--json", "--tag", "ÄRGER").out()))
                .extracting(r -> r.get("taskId"))
                .containsExactlyInAnyOrder(a, b);
        assertThat(run("tag", a, b, "--remove", "ärger").exit()).isZero();

        assertThat(run("tag", a, "--remove", "keep").exit()).isZero();
        assertThat(row(a).get("tags")).isEqualTo(List.of("水墨"));
        assertThat(run("tag", stranger, "--add", "x").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void collectionsHoldTasksAndDeletingOneKeepsThem() throws Exception {
        assertThat(run("collection", "add", "Client Z", a, b).exit()).isZero();
        assertThat(run("collection", "add", "Moodboard", b).exit()).isZero();
        assertThat(run("collection", "list", "--json").out().strip())
                .isEqualTo("[{\"name\":\"Client Z\",\"count\":2},{\"name\":\"Moodboard\",\"count\":1}]");
        assertThat(row(b).get("collections")).isEqualTo(List.of("Client Z", "Moodboard"));
        assertThat(rows(run("list", "--json", "--collection", "client z").out()))
                .extracting(r -> r.get("taskId"))
                .containsExactlyInAnyOrder(a, b);

        assertThat(run("collection", "remove", "Client Z", a).exit()).isZero();
        assertThat(row(a).get("collections")).isEqualTo(List.of());
        assertThat(run("collection", "add", "Client Z", stranger, c).exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(row(c).get("collections")).as("all or nothing").isEqualTo(List.of());

        assertThat(run("collection", "delete", "Client Z").exit()).isZero();
        assertThat(run("collection", "list", "--json").out().strip())
                .isEqualTo("[{\"name\":\"Moodboard\",\"count\":1}]");
        assertThat(rows(run("list", "--json").out()))
                .as("deleting a collection keeps its tasks")
                .hasSize(3);
        assertThat(run("collection", "delete", "No such").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void exportCarriesStarsTagsAndCollections() {
        run("rate", a, "--stars", "4");
        run("tag", a, "--add", "hero");
        run("collection", "add", "Shortlist", a);
        assertThat(run("export", "--format", "json").out())
                .contains("\"stars\":4")
                .contains("\"tags\":[\"hero\"]")
                .contains("\"collections\":[\"Shortlist\"]");
    }
}
