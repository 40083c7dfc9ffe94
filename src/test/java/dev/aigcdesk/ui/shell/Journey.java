package dev.aigcdesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.app.LibraryOpener;
import dev.aigcdesk.app.SessionOptions;
import dev.aigcdesk.app.Wiring;
import dev.aigcdesk.config.Settings;
import dev.aigcdesk.config.SettingsStore;
import dev.aigcdesk.config.WindowState;
import dev.aigcdesk.demo.DemoCatalog;
import dev.aigcdesk.demo.DemoServer;
import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.library.sqlite.SqliteLibrary;
import dev.aigcdesk.testing.MutableClock;
import dev.aigcdesk.testing.ShownRows;
import dev.aigcdesk.ui.common.FxUiExecutor;
import dev.aigcdesk.ui.common.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole app as a person meets it, for journey tests: a fresh home, the real session switcher and
 * window, and a loopback stand-in of the service whose clock the test moves. What a person does
 * (Settings, paste, the Add dialog) goes through the window's own controls.
 */
final class Journey implements AutoCloseable {

    final Path home;
    final FxRobot robot;
    /** The service's clock: tasks run and finish as the test moves it. */
    final MutableClock serviceClock = new MutableClock(Instant.now());

    private final Stage stage;
    private final FxUiExecutor ui = new FxUiExecutor(2);
    DemoServer service;
    SessionSwitcher switcher;

    Journey(Stage stage, FxRobot robot, Path home) {
        this.stage = stage;
        this.robot = robot;
        this.home = home;
    }

    /** Opens the window with no key, the service's address saved in Settings (as if typed before), refreshing every second. */
    Journey openWithoutKey() throws Exception {
        service = new DemoServer(DemoCatalog.standard(), serviceClock).start(0);
        new SettingsStore(home.resolve("config"))
                .save(Settings.DEFAULTS.withApiBase(service.baseUrl()).withRefreshInterval(Duration.ofSeconds(1)));
        Wiring wiring =
                new Wiring(Map.of("AIGC_DESK_HOME", home.toString(), "AIGC_DESK_KEYCHAIN", "off"), Clock.systemUTC());
        LibraryOpener opener = new LibraryOpener(wiring);
        SessionOptions options = new SessionOptions(null, null, false, home);
        var first = opener.open(null, options, List.of());
        robot.interact(() -> {
            Theme theme = new Theme();
            theme.apply(Settings.Theme.LIGHT);
            switcher =
                    new SessionSwitcher(stage, ui, opener, wiring::keyStore, wiring.connectionCheck(), theme, options);
            switcher.showFirst(first, WindowState.DEFAULT, List.of(), null, new double[] {1280, 800}, null);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** A first run: welcomed (once the first read says the library is empty), no banner besides. */
    Journey firstRun() throws Exception {
        openWithoutKey();
        until(() -> robot.lookup("#welcome").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(robot.lookup("#no-key-banner").tryQuery())
                .as("the welcome says it; no banner too")
                .isEmpty();
        return this;
    }

    /** From the welcome: "Enter your API key", type one, OK; waits for the keyed session's list. */
    Journey enterKey(String key) throws Exception {
        robot.clickOn("#welcome-key");
        settings(dialog -> robot.clickOn("#settings-key").write(key));
        until(() -> switcher.session() != null
                && switcher.session().connection().hasKey()
                && robot.lookup("#welcome").tryQuery().isEmpty());
        return this;
    }

    /** Waits for the Settings dialog, lets the test fill it in, and presses OK. */
    void settings(Consumer<DialogPane> fill) throws Exception {
        until(() -> robot.lookup("#settings-key").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        fill.accept(pane);
        robot.clickOn((Button) pane.lookupButton(okOf(pane)));
    }

    static ButtonType okOf(DialogPane pane) {
        return pane.getButtonTypes().stream()
                .filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .findFirst()
                .orElseThrow();
    }

    void replace(String field, String text) {
        robot.interact(() -> robot.lookup(field).queryAs(TextField.class).setText(text));
    }

    /** Pastes text with ids into the list (Ctrl+V), as from a chat message. */
    void paste(String text) throws Exception {
        until(() -> robot.lookup("#task-list").tryQuery().isPresent()
                && !switcher.window().root().isDisabled());
        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString("Today's: " + text);
            Clipboard.getSystemClipboard().setContent(c);
        });
        robot.clickOn("#task-list");
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
    }

    /** The toolbar's Add tasks, the ids typed into its box, then Add (or Ctrl+Enter). */
    void addThroughDialog(List<TaskId> ids, boolean withCtrlEnter) throws Exception {
        until(() -> robot.lookup("#add-button").tryQuery().isPresent()
                && !switcher.window().root().isDisabled());
        robot.clickOn("#add-button");
        until(() -> robot.lookup("#add-text").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#add-text")
                .queryTextInputControl()
                .setText(String.join("\n", ids.stream().map(TaskId::value).toList())));
        if (withCtrlEnter) {
            robot.clickOn("#add-text");
            robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        } else {
            DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
            robot.clickOn((Button) pane.lookupButton(okOf(pane)));
        }
        until(() -> robot.lookup("#add-text").tryQuery().isEmpty());
    }

    /** Moves the service's time on, so that running tasks finish. */
    void serviceTimePasses(Duration d) {
        serviceClock.advance(d);
    }

    /** The list as drawn. */
    ListView<?> list() {
        return robot.lookup("#task-list").queryListView();
    }

    /** The rows on screen now (read on the JavaFX thread after pending events). */
    List<ShownRows.Row> rows() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> ShownRows.of(list())).get();
    }

    /** Waits until the rows on screen pass {@code check}, then returns them; on time-out, says what was drawn. */
    List<ShownRows.Row> untilRows(String what, Predicate<List<ShownRows.Row>> check) throws Exception {
        waitForRows(what, check);
        // Every 30 s the window redraws its rows (the times in them move on), which builds the list's cells anew;
        // a person who waits sees that too, so each step is also judged after one such tick, without the wait.
        robot.interact(() -> list().refresh());
        waitForRows(what + " after the window's clock tick", check);
        return rows();
    }

    /** Clicks the row on screen that shows {@code prompt} (not a spare cell that still holds the text out of sight). */
    void clickRow(String prompt) throws Exception {
        int index = rows().stream()
                .filter(r -> r.prompt().equals(prompt))
                .mapToInt(ShownRows.Row::index)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No row on screen shows " + prompt));
        Node cell = WaitForAsyncUtils.asyncFx(() -> list().lookupAll(".list-cell").stream()
                        .filter(n -> n instanceof IndexedCell<?> c && c.getIndex() == index && c.isVisible())
                        .findFirst()
                        .orElseThrow())
                .get();
        robot.clickOn(cell);
    }

    private void waitForRows(String what, Predicate<List<ShownRows.Row>> check) throws Exception {
        try {
            until(() -> check.test(ShownRows.of(list())));
        } catch (TimeoutException e) {
            throw new AssertionError("The list never showed " + what + "; it drew " + rows(), e);
        }
    }

    /** The list's day band as drawn (its text, or "" when hidden), and that it overlaps no row on screen. */
    String dayBand() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> {
                    Label band = robot.lookup("#day-band").queryAs(Label.class);
                    if (!band.isVisible() || !band.getParent().isVisible()) {
                        return "";
                    }
                    Bounds b = band.localToScene(band.getLayoutBounds());
                    Bounds rows = list().localToScene(list().getLayoutBounds());
                    assertThat(b.getMaxY())
                            .as("the band sits above the rows, covering none")
                            .isLessThanOrEqualTo(rows.getMinY() + 0.5);
                    return band.getText();
                })
                .get();
    }

    /** Waits until the ledger says the task's outputs are archived, and returns its first file (checked on disk). */
    Path archivedFile(TaskId id, Path archive) throws Exception {
        Path db = home.resolve("data").resolve(SqliteLibrary.FILE_NAME);
        until(() -> {
            try (Library ledger = SqliteLibrary.open(db)) {
                TaskRecord r = ledger.find(id).orElse(null);
                return r != null
                        && !r.files().isEmpty()
                        && r.files().stream().allMatch(f -> f.state() == ArchiveState.ARCHIVED);
            }
        });
        try (Library ledger = SqliteLibrary.open(db)) {
            FileRecord f = ledger.find(id).orElseThrow().files().get(0);
            assertThat(f.localPath()).startsWith(archive).isRegularFile();
            try (Stream<Path> s = Files.walk(archive)) {
                // Other tasks' files may still be on their way; none of this one's is left half-written.
                assertThat(s.filter(p -> p.getFileName().toString().endsWith(".part")
                                && p.getFileName().toString().contains(id.shortId())))
                        .as("nothing partial left")
                        .isEmpty();
            }
            return f.localPath();
        }
    }

    static void until(Callable<Boolean> condition) throws Exception {
        // Evaluated on the JavaFX thread: looking nodes up while that thread rebuilds the scene races it.
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    static TaskId sample(String name) {
        return DemoCatalog.sample(name);
    }

    @Override
    public void close() {
        robot.interact(() -> {
            if (switcher != null) {
                switcher.close();
            }
        });
        ui.close();
        if (service != null) {
            service.close();
        }
    }
}
