package dev.aigcdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.app.SessionOptions;
import dev.aigcdesk.app.Wiring;
import dev.aigcdesk.cli.Cli;
import dev.aigcdesk.demo.DemoCatalog;
import dev.aigcdesk.demo.DemoServer;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.download.Hashes;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.library.postgres.PostgresLibrary;
import dev.aigcdesk.library.postgres.TeamDatabase;
import dev.aigcdesk.testing.MutableClock;
import dev.aigcdesk.testing.ShownRows;
import dev.aigcdesk.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Ben's window refreshes the team library when its PostgreSQL stops at once, mid-generation: the window
 * says so and keeps its row, the generation finishes and its file is saved on Ben's disk meanwhile, and
 * once the server is back the team has it, finished and saved, once.
 */
@ExtendWith(ApplicationExtension.class)
class TeamOutageWindowTest {

    @TempDir
    static Path homes;

    private WindowHarness ben;
    private Path home;
    private TeamDatabase team;
    private MutableClock serviceTime;
    private DemoServer service;
    private final TaskId id = DemoCatalog.sample("lighthouse");
    private final FxRobot robot = new FxRobot();
    private final WindowWaits waits = new WindowWaits(robot, "Ben's window");

    @Start
    void start(Stage stage) throws Exception {
        team = TestPostgres.shared().newDatabase();
        serviceTime = new MutableClock(Instant.now());
        service = new DemoServer(DemoCatalog.standard(), serviceTime).start(0, serviceTime.instant());
        home = Files.createTempDirectory(homes, "ben");
        assertThat(cli("team", "connect", "--db", address(), "--name", "Ben")).isZero();
        assertThat(cli("add", id.value())).isZero();
        ben = new WindowHarness(
                stage, home, new SessionOptions(service.baseUrl(), "sk-test", false, home), Locale.ENGLISH);
    }

    @AfterEach
    void close() {
        ben.close();
        service.close();
    }

    private int cli(String... args) {
        Map<String, String> env = Map.of("AIGC_DESK_HOME", home.toString(), "AIGC_DESK_KEYCHAIN", "off");
        String[] all = Stream.concat(
                        Stream.of("--api-base", service.baseUrl(), "--api-key", "sk-test"), Stream.of(args))
                .toArray(String[]::new);
        return new Cli(new Wiring(env, Clock.systemUTC()))
                .run(all, new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    }

    private String address() {
        return "postgresql://127.0.0.1:" + team.port() + "/" + team.database() + "?user=" + team.user() + "&password="
                + team.password();
    }

    @Test
    void aGenerationFinishingWhileTheTeamIsAwayIsSavedHereShownAndHandedOverAfter() throws Exception {
        // Asked once: the window refreshes the team, and keeps a copy of what runs on this desktop.
        until(
                "the running task's row",
                () -> rows().size() == 1 && rows().get(0).prompt().contains("lighthouse"),
                15);

        TestPostgres server = TestPostgres.shared();
        server.stopServer();
        Path saved;
        try {
            serviceTime.advance(Duration.ofMinutes(2));
            ben.clock.advance(Duration.ofMinutes(2));
            until(
                    "the team banner",
                    () -> robot.lookup("#team-banner").tryQuery().isPresent(),
                    15);
            until("the file saved on Ben's disk", () -> pngs().size() == 1, 30);
            saved = pngs().get(0);
            until(
                    "the row saying the generation finished",
                    () -> rows().get(0).badge().equals("Done"),
                    15);
        } finally {
            server.startServer();
        }
        String hash = Hashes.sha256(saved);
        until(
                "the banner gone once the team answers",
                () -> robot.lookup("#team-banner").tryQuery().isEmpty(),
                20);
        try (PostgresLibrary check = PostgresLibrary.open(team, "Check")) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            Optional<TaskRecord> r = check.find(id);
            while (System.nanoTime() < end && !(r.isPresent() && r.get().allArchived())) {
                Thread.sleep(200);
                r = check.find(id);
            }
            assertThat(r).isPresent();
            assertThat(r.get().task().state()).isEqualTo(TaskState.SUCCEEDED);
            assertThat(r.get().files()).hasSize(1);
            FileRecord f = r.get().files().get(0);
            assertThat(f.isArchived()).as("the team knows the file is saved").isTrue();
            assertThat(f.sha256Final()).isEqualTo(hash);
        }
        until(
                "the row drawing the picture saved on Ben's disk",
                () -> rows().get(0).picture(),
                15);
        assertThat(pngs()).as("saved once, not again after the hand-over").hasSize(1);
    }

    private List<Path> pngs() {
        Path archive = home.resolve("archive");
        if (!Files.isDirectory(archive)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(archive)) {
            // Only what is saved: the file being written waits in .incoming.
            return all.filter(
                            p -> p.toString().endsWith(".png") && !p.toString().contains(".incoming"))
                    .toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    private void until(String what, BooleanSupplier check, int seconds) throws Exception {
        waits.until(what, check, seconds);
    }

    private List<ShownRows.Row> rows() {
        return waits.rows();
    }
}
