package dev.aigcdesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.app.LibraryOpener;
import dev.aigcdesk.app.SessionOptions;
import dev.aigcdesk.app.Wiring;
import dev.aigcdesk.config.Settings;
import dev.aigcdesk.config.SettingsStore;
import dev.aigcdesk.demo.DemoCatalog;
import dev.aigcdesk.demo.DemoServer;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.ArchiveState;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.Ledger;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.ui.common.FxUiExecutor;
import dev.aigcdesk.ui.common.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

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
    private DemoServer service;
    private DemoServer otherService;
    private FxUiExecutor ui;
    private SessionSwitcher switcher;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            if (switcher != null) {
                switcher.close();
            }
        });
        if (ui != null) {
            ui.close();
        }
        for (DemoServer s : new DemoServer[] {service, otherService}) {
            if (s != null) {
                s.close();
            }
        }
    }

    /** A first run: no key, the service's address saved in Settings (as if the user had typed it before). */
    private void firstRun(FxRobot robot) throws Exception {
        openWithoutKey(robot);
        // An empty library without a key: welcomed, once its first read says it is empty.
        until(() -> robot.lookup("#welcome").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        assertThat(robot.lookup("#no-key-banner").tryQuery()).as("the welcome says it; no banner too").isEmpty();
    }

    private void openWithoutKey(FxRobot robot) throws Exception {
        service = new DemoServer(DemoCatalog.standard(), Clock.systemUTC()).start(0);
        new SettingsStore(home.resolve("config")).save(Settings.DEFAULTS.withApiBase(service.baseUrl()).withRefreshInterval(Duration.ofSeconds(1)));
        Wiring wiring = new Wiring(Map.of("AIGC_DESK_HOME", home.toString(), "AIGC_DESK_KEYCHAIN", "off"), Clock.systemUTC());
        LibraryOpener opener = new LibraryOpener(wiring);
        ui = new FxUiExecutor(2);
        SessionOptions options = new SessionOptions(null, null, false, home);
        var first = opener.open(null, options, List.of());
        robot.interact(() -> {
            Theme theme = new Theme();
            theme.apply(Settings.Theme.LIGHT);
            switcher = new SessionSwitcher(stage, ui, opener, wiring::keyStore, wiring.connectionCheck(), theme, options);
            switcher.showFirst(first, dev.aigcdesk.config.WindowState.DEFAULT, List.of(), null, new double[] {1280, 800}, null);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aLibraryWithTasksButNoKeyShowsItsTasksAndSaysWhatAKeyWouldDo(FxRobot robot) throws Exception {
        // A designer's library (the key store unreachable today, say): it has tasks, and no key is set.
        Path db = home.resolve("data").resolve(dev.aigcdesk.library.Ledger.FILE_NAME);
        Files.createDirectories(db.getParent());
        try (var ledger = dev.aigcdesk.library.Ledger.open(db)) {
            ledger.add(List.of(RED_PANDA), java.time.Instant.now());
        }
        openWithoutKey(robot);
        until(() -> robot.lookup("#no-key-banner").tryQuery().isPresent());
        assertThat(robot.lookup("#welcome").tryQuery().map(javafx.scene.Node::isVisible)).as("not welcomed as a stranger").contains(false);
        until(() -> robot.lookup("#task-list").queryListView().getItems().size() == 1 && robot.lookup("#task-list").queryListView().isVisible());
        robot.clickOn("#no-key-banner .button");
        until(() -> robot.lookup("#settings-key").tryQuery().isPresent());
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void firstRunEnterAKeyAddIdsAndTheOutputsAreOnDisk(FxRobot robot) throws Exception {
        firstRun(robot);
        assertThat(robot.lookup("#welcome").tryQuery()).as("a new user is welcomed").isPresent();

        robot.clickOn("#welcome-key");
        settings(robot, dialog -> robot.clickOn("#settings-key").write("sk-my-first-key"));
        until(() -> switcher.session() != null && switcher.session().connection().hasKey() && robot.lookup("#welcome").tryQuery().isEmpty());

        paste(robot, RED_PANDA.value());
        Path saved = archivedFile(RED_PANDA, home.resolve("archive"));
        assertThat(Files.size(saved)).isPositive();
        assertThat(robot.lookup("#status-bar").queryAs(org.controlsfx.control.StatusBar.class).getText())
                .as("this window refreshes the library; it does not merely show it").doesNotContain("Another AIGC Desk");
    }

    @Test
    void changingSettingsKeepsArchivingIntoTheNewFolderFromTheNewService(FxRobot robot) throws Exception {
        firstRun(robot);
        robot.clickOn("#welcome-key");
        settings(robot, dialog -> robot.clickOn("#settings-key").write("sk-key"));
        until(() -> switcher.session() != null && switcher.session().connection().hasKey());
        paste(robot, RED_PANDA.value());
        archivedFile(RED_PANDA, home.resolve("archive"));

        // Another key, another service address, another archive folder, a slower refresh.
        otherService = new DemoServer(DemoCatalog.standard(), Clock.systemUTC()).start(0);
        Path newArchive = home.resolve("elsewhere/My Archive");
        robot.clickOn("#settings-button");
        settings(robot, dialog -> {
            replace(robot, "#settings-key", "sk-second-key");
            replace(robot, "#settings-base", otherService.baseUrl());
            replace(robot, "#settings-archive", newArchive.toString());
            robot.interact(() -> robot.lookup("#settings-refresh").<javafx.scene.control.Spinner<Integer>>query().getValueFactory().setValue(7));
        });
        until(() -> switcher.session() != null && switcher.session().archiveFolder().equals(newArchive)
                && switcher.session().connection().baseUrl().equals(otherService.baseUrl()));

        paste(robot, KITCHEN.value());
        Path saved = archivedFile(KITCHEN, newArchive);
        assertThat(saved).startsWith(newArchive);
        assertThat(switcher.session().connection().apiKey()).isEqualTo("sk-second-key");
        assertThat(switcher.session().intervals().image()).as("the new refresh interval paces the poller").isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void tryTheDemoThenLeaveItAndTheRealLibrarySyncs(FxRobot robot) throws Exception {
        firstRun(robot);
        robot.clickOn("#welcome-demo");
        until(() -> switcher.session() != null && switcher.session().isDemo() && robot.lookup("#demo-banner").tryQuery().isPresent());

        // Entering a key in the demo leaves it for the real library.
        robot.clickOn("#settings-button");
        settings(robot, dialog -> robot.clickOn("#settings-key").write("sk-real"));
        until(() -> switcher.session() != null && !switcher.session().isDemo());

        paste(robot, RED_PANDA.value());
        archivedFile(RED_PANDA, home.resolve("archive"));
        assertThat(home.resolve("archive")).as("the real archive, not the demo's").isDirectory();
    }

    // ---- what a person does ------------------------------------------------------------------

    /** Waits for the Settings dialog, lets the test fill it in, and presses OK. */
    private void settings(FxRobot robot, java.util.function.Consumer<DialogPane> fill) throws Exception {
        until(() -> robot.lookup("#settings-key").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        fill.accept(pane);
        ButtonType ok = pane.getButtonTypes().stream().filter(b -> b.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE).findFirst()
                .orElseThrow();
        robot.clickOn((Button) pane.lookupButton(ok));
    }

    private void replace(FxRobot robot, String field, String text) {
        robot.interact(() -> robot.lookup(field).queryAs(TextField.class).setText(text));
    }

    private void paste(FxRobot robot, String text) throws Exception {
        until(() -> robot.lookup("#task-list").tryQuery().isPresent() && !switcher.window().root().isDisabled());
        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString("Today's: " + text);
            Clipboard.getSystemClipboard().setContent(c);
        });
        robot.clickOn("#task-list");
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
    }

    /** Waits until the ledger says the task's first output is archived, and returns its file (checked on disk). */
    private Path archivedFile(TaskId id, Path archive) throws Exception {
        Path db = home.resolve("data").resolve(Ledger.FILE_NAME);
        until(() -> {
            try (Ledger ledger = Ledger.open(db)) {
                TaskRecord r = ledger.find(id).orElse(null);
                return r != null && !r.files().isEmpty() && r.files().stream().allMatch(f -> f.state() == ArchiveState.ARCHIVED);
            }
        });
        try (Ledger ledger = Ledger.open(db)) {
            FileRecord f = ledger.find(id).orElseThrow().files().get(0);
            assertThat(f.localPath()).startsWith(archive).isRegularFile();
            try (Stream<Path> s = Files.walk(archive)) {
                assertThat(s.filter(p -> p.getFileName().toString().endsWith(".part"))).as("nothing partial left").isEmpty();
            }
            return f.localPath();
        }
    }

    private static void until(Callable<Boolean> condition) throws Exception {
        // Evaluated on the JavaFX thread: looking nodes up while that thread rebuilds the scene races it.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
