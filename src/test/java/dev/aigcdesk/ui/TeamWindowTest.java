package dev.aigcdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.app.SessionOptions;
import dev.aigcdesk.app.Wiring;
import dev.aigcdesk.cli.Cli;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.postgres.PostgresLibrary;
import dev.aigcdesk.library.postgres.TeamDatabase;
import dev.aigcdesk.testing.ShownRows;
import dev.aigcdesk.testing.Tasks;
import dev.aigcdesk.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Ben's real window on a team library, while Ann's desktop adds, answers, tags and removes: his rows follow. */
@ExtendWith(ApplicationExtension.class)
class TeamWindowTest {

    @TempDir
    static Path homes;

    private WindowHarness ben;
    private TeamDatabase team;
    private final FxRobot robot = new FxRobot();

    @Start
    void start(Stage stage) throws Exception {
        team = TestPostgres.shared().newDatabase();
        Path home = Files.createTempDirectory(homes, "ben");
        Map<String, String> env = Map.of("AIGC_DESK_HOME", home.toString(), "AIGC_DESK_KEYCHAIN", "off");
        int code = new Cli(new Wiring(env, Clock.systemUTC()))
                .run(
                        new String[] {"team", "connect", "--db", address(), "--name", "Ben"},
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(new ByteArrayOutputStream()));
        assertThat(code).isZero();
        // No service is asked here: the rows come from Ann's desktop through the team library.
        ben = new WindowHarness(
                stage, home, new SessionOptions("http://127.0.0.1:9/", "sk-test", false, home), Locale.ENGLISH);
    }

    @AfterEach
    void close() {
        ben.close();
    }

    private String address() {
        return "postgresql://127.0.0.1:" + team.port() + "/" + team.database() + "?user=" + team.user() + "&password="
                + team.password();
    }

    @Test
    void whatAnnsDesktopDoesShowsInBensWindowWithinTwoSeconds() throws Exception {
        untilRows("an empty team library", List::isEmpty);
        try (PostgresLibrary ann = PostgresLibrary.open(team, "Ann")) {
            TaskId id = Tasks.id(1);
            ann.add(List.of(id), Instant.now());
            ann.recordAnswer(
                    Tasks.finishedPng(1, "a lighthouse at dusk, oil on canvas", "GEM", Instant.now()),
                    "{}",
                    Instant.now());
            List<ShownRows.Row> rows = untilRows(
                    "Ann's task, answered",
                    r -> r.size() == 1 && r.get(0).prompt().contains("a lighthouse at dusk"));
            assertThat(rows.get(0).blank()).isFalse();
            // Opened, the task says who added it.
            robot.interact(() -> robot.lookup("#task-list")
                    .queryListView()
                    .getSelectionModel()
                    .select(0));
            WaitForAsyncUtils.waitForFxEvents();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (robot.lookup("Ann").tryQuery().isEmpty() && System.nanoTime() < until) {
                Thread.sleep(50);
                WaitForAsyncUtils.waitForFxEvents();
            }
            assertThat(robot.lookup("Added by").tryQuery()).isPresent();
            assertThat(robot.lookup("Ann").tryQuery())
                    .as("the detail names who added it")
                    .isPresent();

            ann.add(List.of(Tasks.id(2)), Instant.now());
            ann.recordAnswer(Tasks.finishedPng(2, "水墨风格的山间小屋", "Qwen", Instant.now()), "{}", Instant.now());
            untilRows(
                    "both of Ann's tasks",
                    r -> r.size() == 2 && r.stream().anyMatch(x -> x.prompt().contains("山间小屋")));

            ann.removals().removeAll(List.of(id));
            untilRows(
                    "the removed one gone",
                    r -> r.size() == 1 && r.get(0).prompt().contains("山间小屋"));
        }
    }

    @Test
    void whenTheTeamStopsAnsweringTheWindowSaysSoKeepsItsRowsAndCatchesUpAfter() throws Exception {
        try (PostgresLibrary ann = PostgresLibrary.open(team, "Ann")) {
            ann.add(List.of(Tasks.id(1)), Instant.now());
            ann.recordAnswer(
                    Tasks.finishedPng(1, "kept while the team is away", "GEM", Instant.now()), "{}", Instant.now());
            untilRows("Ann's task", r -> r.size() == 1);
        }
        TestPostgres server = TestPostgres.shared();
        server.stopServer();
        try {
            until(
                    "the team banner",
                    () -> robot.lookup("#team-banner").tryQuery().isPresent());
            assertThat(rows()).as("the rows stay on screen").hasSize(1);
            assertThat(robot.lookup("#team-banner")
                            .queryAs(HBox.class)
                            .getChildren()
                            .toString())
                    .isNotEmpty();
        } finally {
            server.startServer();
        }
        until(
                "the banner gone once the team answers",
                () -> robot.lookup("#team-banner").tryQuery().isEmpty());
        try (PostgresLibrary ann = PostgresLibrary.open(team, "Ann")) {
            ann.add(List.of(Tasks.id(2)), Instant.now());
            ann.recordAnswer(
                    Tasks.finishedPng(2, "added after the team came back", "GEM", Instant.now()), "{}", Instant.now());
            untilRows("both tasks", r -> r.size() == 2);
        }
    }

    private void until(String what, BooleanSupplier check) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            WaitForAsyncUtils.waitForFxEvents();
            if (check.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("Ben's window never showed " + what);
            }
            Thread.sleep(100);
        }
    }

    private List<ShownRows.Row> untilRows(String what, Predicate<List<ShownRows.Row>> check) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        List<ShownRows.Row> rows = rows();
        while (!check.test(rows)) {
            if (System.nanoTime() > until) {
                throw new AssertionError("Within 2 s Ben's window did not show " + what + "; it drew " + rows);
            }
            Thread.sleep(50);
            rows = rows();
        }
        return rows;
    }

    private List<ShownRows.Row> rows() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> {
                    ListView<?> list = robot.lookup("#task-list").queryListView();
                    return ShownRows.of(list);
                })
                .get();
    }
}
