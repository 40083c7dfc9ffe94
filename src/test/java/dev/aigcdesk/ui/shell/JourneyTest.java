package dev.aigcdesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.demo.DemoCatalog;
import dev.aigcdesk.demo.DemoServer;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.sqlite.SqliteLibrary;
import dev.aigcdesk.testing.ShownRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What a person does, end to end, in the real window (headless) against loopback stand-ins of the
 * service: first run, enter a key, add ids, change Settings, try the demo and leave it. Each
 * journey ends on the disk and in the ledger: the outputs are archived, where the user said.
 */
@ExtendWith(ApplicationExtension.class)
class JourneyTest {

    private static final TaskId RED_PANDA = DemoCatalog.sample("red-panda");
    private static final TaskId KITCHEN = DemoCatalog.sample("kitchen-icons");

    @TempDir
    Path home;

    private Stage stage;
    private Journey journey;
    private DemoServer otherService;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (journey != null) {
            journey.close();
        }
        if (otherService != null) {
            otherService.close();
        }
    }

    private Journey journey() {
        journey = new Journey(stage, new FxRobot(), home);
        return journey;
    }

    @Test
    void aLibraryWithTasksButNoKeyShowsItsTasksAndSaysWhatAKeyWouldDo() throws Exception {
        // A designer's library (the key store unreachable today, say): it has tasks, and no key is set.
        Path db = home.resolve("data").resolve(SqliteLibrary.FILE_NAME);
        Files.createDirectories(db.getParent());
        try (var ledger = SqliteLibrary.open(db)) {
            ledger.add(List.of(RED_PANDA), Instant.now());
        }
        Journey j = journey().openWithoutKey();
        Journey.until(() -> j.robot.lookup("#no-key-banner").tryQuery().isPresent());
        assertThat(j.robot.lookup("#welcome").tryQuery().map(Node::isVisible))
                .as("not welcomed as a stranger")
                .contains(false);
        Journey.until(() -> j.list().getItems().size() == 1 && j.list().isVisible());
        j.robot.clickOn("#no-key-banner .button");
        Journey.until(() -> j.robot.lookup("#settings-key").tryQuery().isPresent());
        j.robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void firstRunEnterAKeyAddIdsAndTheOutputsAreOnDisk() throws Exception {
        Journey j = journey().firstRun();
        assertThat(j.robot.lookup("#welcome").tryQuery())
                .as("a new user is welcomed")
                .isPresent();
        j.enterKey("sk-my-first-key");

        j.paste(RED_PANDA.value());
        Path saved = j.archivedFile(RED_PANDA, home.resolve("archive"));
        assertThat(Files.size(saved)).isPositive();
        assertThat(j.robot.lookup("#status-bar").queryAs(StatusBar.class).getText())
                .as("this window refreshes the library; it does not merely show it")
                .doesNotContain("Another AIGC Desk");
    }

    @Test
    void changingSettingsKeepsArchivingIntoTheNewFolderFromTheNewService() throws Exception {
        Journey j = journey().firstRun().enterKey("sk-key");
        j.paste(RED_PANDA.value());
        j.archivedFile(RED_PANDA, home.resolve("archive"));

        // Another key, another service address, another archive folder, a slower refresh.
        otherService = new DemoServer(DemoCatalog.standard(), Clock.systemUTC()).start(0);
        Path newArchive = home.resolve("elsewhere/My Archive");
        j.robot.clickOn("#settings-button");
        j.settings(dialog -> {
            j.replace("#settings-key", "sk-second-key");
            j.replace("#settings-base", otherService.baseUrl());
            j.replace("#settings-archive", newArchive.toString());
            j.robot.interact(() -> j.robot
                    .lookup("#settings-refresh")
                    .<Spinner<Integer>>query()
                    .getValueFactory()
                    .setValue(7));
        });
        Journey.until(() -> j.switcher.session() != null
                && j.switcher.session().archiveFolder().equals(newArchive)
                && j.switcher.session().connection().baseUrl().equals(otherService.baseUrl()));

        j.paste(KITCHEN.value());
        Path saved = j.archivedFile(KITCHEN, newArchive);
        assertThat(saved).startsWith(newArchive);
        assertThat(j.switcher.session().connection().apiKey()).isEqualTo("sk-second-key");
        assertThat(j.switcher.session().intervals().image())
                .as("the new refresh interval paces the poller")
                .isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void tryTheDemoThenLeaveItAndTheRealLibrarySyncs() throws Exception {
        Journey j = journey().firstRun();
        j.robot.clickOn("#welcome-demo");
        Journey.until(() -> j.switcher.session() != null
                && j.switcher.session().isDemo()
                && j.robot.lookup("#demo-banner").tryQuery().isPresent());
        List<ShownRows.Row> demoRows = j.untilRows(
                "the demo's tasks", rows -> rows.size() >= 4 && rows.stream().noneMatch(ShownRows.Row::blank));
        assertThat(demoRows).extracting(ShownRows.Row::prompt).doesNotContainNull();

        // Entering a key in the demo leaves it for the real library.
        j.robot.clickOn("#settings-button");
        j.settings(dialog -> j.robot.clickOn("#settings-key").write("sk-real"));
        Journey.until(
                () -> j.switcher.session() != null && !j.switcher.session().isDemo());

        j.paste(RED_PANDA.value());
        j.archivedFile(RED_PANDA, home.resolve("archive"));
        assertThat(home.resolve("archive"))
                .as("the real archive, not the demo's")
                .isDirectory();
        j.untilRows(
                "the real library's one task",
                rows -> rows.size() == 1
                        && rows.get(0).prompt().equals("a red panda reading a newspaper in a cafe, watercolor")
                        && rows.get(0).picture());
    }
}
