package dev.aigcdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.app.Wiring;
import dev.aigcdesk.library.postgres.TeamDatabase;
import dev.aigcdesk.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** team connect, status and disconnect in their exact forms, on two desktops (two homes) and a real PostgreSQL. */
class TeamCommandTest {

    @TempDir
    Path annHome;

    @TempDir
    Path benHome;

    private TeamDatabase team;
    private final String first = "1250000000-AigcImageTask-0123456789abcdef0123456789abcdeft";
    private final String second = "1250000000-AigcVideoTask-fedcba9876543210fedcba9876543210t";
    private final String local = "1250000000-AigcImageTask-00000000000000000000000000000042t";

    record Run(int exit, String out, String err) {}

    private Run run(Path home, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("AIGC_DESK_HOME", home.toString(), "AIGC_DESK_KEYCHAIN", "off");
        int code = new Cli(new Wiring(env, Clock.systemUTC()))
                .run(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String address(String password) {
        return "postgresql://127.0.0.1:" + team.port() + "/" + team.database() + "?user=" + team.user() + "&password="
                + password;
    }

    @BeforeEach
    void server() throws Exception {
        team = TestPostgres.shared().newDatabase();
    }

    @Test
    void twoDesktopsConnectAndSeeOneLibraryAndDisconnectingLeavesTheLocalOneAsItWas() throws Exception {
        assertThat(run(annHome, "add", local).exit()).isZero();

        Run connect = run(annHome, "team", "connect", "--db", address(team.password()), "--name", "Ann");
        assertThat(connect.exit()).as(connect.err()).isZero();
        assertThat(connect.out())
                .contains("Connected to postgresql://127.0.0.1:" + team.port() + "/" + team.database()
                        + "?user=desk as \"Ann\": 0 tasks")
                .doesNotContain(team.password());
        assertThat(run(benHome, "team", "connect", "--db", address(team.password()), "--name", "Ben")
                        .exit())
                .isZero();

        assertThat(run(annHome, "add", first, second).out()).contains("Added 2");
        Run bensList = run(benHome, "list", "--json");
        assertThat(bensList.out()).contains(first, second).doesNotContain(local);
        assertThat(bensList.out()).contains("\"addedBy\":\"Ann\"");

        // Curation from both desktops: tags are a set with who added each; stars say who gave them and when.
        assertThat(run(annHome, "tag", first, "--add", "moody").exit()).isZero();
        assertThat(run(benHome, "tag", first, "--add", "dusk").exit()).isZero();
        assertThat(run(benHome, "rate", first, "--stars", "4").exit()).isZero();
        Run shown = run(annHome, "show", first, "--json");
        assertThat(shown.out())
                .contains("\"addedBy\":\"Ann\"")
                .contains("\"tags\":{\"dusk\":\"Ben\",\"moody\":\"Ann\"}")
                .contains("\"stars\":{\"by\":\"Ben\"");

        Run status = run(benHome, "team", "status");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("this desktop: Ben", "2 tasks").doesNotContain(team.password());
        Run json = run(annHome, "team", "status", "--json");
        assertThat(json.out())
                .contains("\"team\":true", "\"desktop\":\"Ann\"", "\"tasks\":2")
                .doesNotContain(team.password());

        // Neither the config folder nor anything else in the home holds the password in the address's file.
        Path props = findFile(annHome, "team.properties");
        assertThat(Files.readString(props)).contains("database=postgresql").doesNotContain(team.password());

        Run repair = run(annHome, "repair");
        assertThat(repair.exit()).as(repair.err()).isZero();
        assertThat(repair.out())
                .as("on a team, repair only adds what this desktop's files hold (here: nothing saved yet)")
                .contains("Brought back 0 tasks")
                .contains("Nothing was removed")
                .contains("PostgreSQL backups");
        assertThat(run(benHome, "list", "--json").out()).contains(first, second);

        Run back = run(annHome, "team", "disconnect");
        assertThat(back.exit()).isZero();
        assertThat(back.out()).contains("Back to the local library");
        Run localList = run(annHome, "list", "--json");
        assertThat(localList.out()).contains(local).doesNotContain(first);
        assertThat(run(annHome, "team", "status").out()).contains("Not connected to a team");
        assertThat(run(benHome, "list", "--json").out())
                .as("the team keeps everything")
                .contains(first, second);
    }

    @Test
    void aWrongPasswordADeadServerOrABadAddressConnectsNothingAndSaysWhy() throws Exception {
        Run wrong = run(annHome, "team", "connect", "--db", address("not-it"), "--name", "Ann");
        assertThat(wrong.exit()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(wrong.err()).contains("refused the user name or password").doesNotContain("not-it");
        assertThat(run(annHome, "team", "status").out()).contains("Not connected to a team");

        Run dead = run(annHome, "team", "connect", "--db", "postgresql://127.0.0.1:1/x?user=u&password=secret-1");
        assertThat(dead.exit()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(dead.err()).contains("cannot be reached").doesNotContain("secret-1");

        Run bad = run(annHome, "team", "connect", "--db", "mysql://h/d");
        assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("postgresql://");
    }

    @Test
    void aTeamThatStopsAnsweringIsSaidAndTheLocalLibraryIsUntouched() throws Exception {
        assertThat(run(annHome, "add", local).exit()).isZero();
        assertThat(run(annHome, "team", "connect", "--db", address(team.password()), "--name", "Ann")
                        .exit())
                .isZero();
        // The team's database goes away (dropped here; a stopped server reads the same to a desktop).
        try (var c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + team.port() + "/postgres",
                        TestPostgres.USER,
                        TestPostgres.PASSWORD);
                var s = c.createStatement()) {
            s.execute("DROP DATABASE " + team.database() + " WITH (FORCE)");
        }
        Run status = run(annHome, "team", "status");
        assertThat(status.exit()).isEqualTo(ExitCodes.UNREACHABLE);
        Run list = run(annHome, "list");
        assertThat(list.exit()).isNotZero();
        assertThat(list.err()).contains("team library").doesNotContain(team.password());
        assertThat(run(annHome, "team", "disconnect").exit()).isZero();
        assertThat(run(annHome, "list", "--json").out()).contains(local);
    }

    private static Path findFile(Path root, String name) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.getFileName().toString().equals(name))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
