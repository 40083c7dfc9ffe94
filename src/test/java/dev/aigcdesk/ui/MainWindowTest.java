package dev.aigcdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.download.Hashes;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.sync.SyncEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless, on the demo service: what a designer sees and does. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path home;

    private WindowHarness h;

    private static FxRobot robot() {
        return new FxRobot();
    }

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(home, "w");
        h = new WindowHarness(stage, dir, WindowHarness.demo(dir), Locale.ENGLISH);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private void until(Callable<Boolean> condition) throws Exception {
        try {
            // Evaluated on the JavaFX thread: looking nodes up while that thread rebuilds the scene races it.
            WaitForAsyncUtils.waitFor(
                    20,
                    TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            StringBuilder sb = new StringBuilder("Timed out. Library now:\n");
            for (TaskRecord r : h.session.ledger().list(TaskQuery.ALL)) {
                sb.append("  ")
                        .append(r.id().shortId())
                        .append(' ')
                        .append(r.task().state())
                        .append(' ')
                        .append(r.task().progress())
                        .append(" files=")
                        .append(r.files().size())
                        .append(" err=")
                        .append(r.lastError())
                        .append('\n');
            }
            sb.append("search field text '")
                    .append(robot().lookup("#search").queryAs(TextField.class).getText())
                    .append("'\n");
            sb.append("search '")
                    .append(h.window.listViewModel().searchProperty().get())
                    .append("' items ")
                    .append(h.window.listViewModel().items().size())
                    .append(", detail showing ")
                    .append(h.window.detailViewModel().showing())
                    .append(", clock ")
                    .append(h.clock.instant());
            throw new AssertionError(sb.toString(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void select(FxRobot robot, TaskId id) throws Exception {
        until(() -> h.window.listViewModel().items().indexOf(id) >= 0);
        robot.interact(() -> h.window.select(id));
        until(() -> h.window.detailViewModel().recordProperty().get() != null
                && h.window.detailViewModel().recordProperty().get().id().equals(id));
    }

    @Test
    void rowsAppearForTheDemoTasks(FxRobot robot) throws Exception {
        ListView<TaskRecord> list = robot.lookup("#task-list").queryListView();
        until(() -> list.getItems().size() == h.demoIds().size());
        until(() -> robot.lookup(".task-row .prompt").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("a red panda reading a newspaper in a cafe, watercolor")));
        assertThat(robot.lookup(".task-row .badge").queryAllAs(Label.class))
                .extracting(Label::getText)
                .contains("Done", "Waiting");
    }

    @Test
    void addingIdsByPasteInTheAddDialog(FxRobot robot) throws Exception {
        ListView<TaskRecord> list = robot.lookup("#task-list").queryListView();
        until(() -> list.getItems().size() == h.demoIds().size());
        TaskId missing = WindowHarness.demoId("missing");
        robot.clickOn("#task-list");
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        until(() -> robot.lookup("#add-text").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#add-text")
                .queryAs(TextArea.class)
                .setText("from the team chat: " + missing + " and " + WindowHarness.demoId("red-panda") + " (old)"));
        assertThat(robot.lookup("#add-found").queryAs(Label.class).getText())
                .isEqualTo("2 found · 1 new · 1 already in the library · 0 invalid");
        robot.clickOn("Add");
        until(() -> list.getItems().size() == h.demoIds().size() + 1);
        until(() -> h.window.detailViewModel().showing() != null
                && h.window.detailViewModel().showing().equals(missing));
    }

    @Test
    void pastingIdsOnTheListAddsThem(FxRobot robot) throws Exception {
        ListView<TaskRecord> list = robot.lookup("#task-list").queryListView();
        until(() -> list.getItems().size() == h.demoIds().size());
        TaskId missing = WindowHarness.demoId("missing");
        robot.interact(() -> {
            var c = new ClipboardContent();
            c.putString("please track " + missing);
            Clipboard.getSystemClipboard().setContent(c);
        });
        robot.clickOn("#task-list");
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        until(() -> list.getItems().size() == h.demoIds().size() + 1);
    }

    @Test
    void detailShowsPromptModelAndLiveProgress(FxRobot robot) throws Exception {
        TaskId cabin = WindowHarness.demoId("ink-cabin");
        select(robot, cabin);
        // The first answer may still be on its way: the prompt shows once it has come.
        until(() -> robot.lookup("#prompt-text").tryQuery().isPresent());
        assertThat(robot.lookup("#prompt-text").queryAs(TextArea.class).getText())
                .startsWith("水墨风格的山间小屋");
        assertThat(robot.lookup("#negative-text").queryAs(TextArea.class).getText())
                .isEqualTo("低清晰度, 模糊");
        assertThat(robot.lookup("#detail-model").queryAs(Label.class).getText()).isEqualTo("Qwen 0925");

        h.clock.advance(Duration.ofMillis(3000 + 12_500));
        robot.press(KeyCode.F5).release(KeyCode.F5);
        until(() -> robot.lookup("#detail-progress").tryQuery().isPresent()
                && Math.abs(robot.lookup("#detail-progress")
                                        .queryAs(ProgressBar.class)
                                        .getProgress()
                                - 0.50)
                        < 0.001);
        assertThat(robot.lookup("#detail-progress-text").queryAs(Label.class).getText())
                .startsWith("50% · ");
        assertThat(robot.lookup("#detail-state").queryAs(Label.class).getText()).isEqualTo("Running");

        h.clock.advance(Duration.ofSeconds(10));
        robot.press(KeyCode.F5).release(KeyCode.F5);
        until(() -> Math.abs(robot.lookup("#detail-progress")
                                .queryAs(ProgressBar.class)
                                .getProgress()
                        - 0.90)
                < 0.001);

        h.clock.advance(Duration.ofSeconds(5));
        robot.press(KeyCode.F5).release(KeyCode.F5);
        until(() ->
                "Done".equals(robot.lookup("#detail-state").queryAs(Label.class).getText()));
        until(() -> robot.lookup("#preview-1").tryQuery().isPresent());
    }

    @Test
    void previewLoadsAndDownloadSavesTheSameBytes(FxRobot robot) throws Exception {
        TaskId panda = WindowHarness.demoId("red-panda");
        until(() -> h.session.ledger().find(panda).map(TaskRecord::allArchived).orElse(false));
        select(robot, panda);
        until(() -> robot.lookup("#preview-1").tryQuery().isPresent());
        ImageView preview = robot.lookup("#preview-1").queryAs(ImageView.class);
        until(() -> preview.getImage().getProgress() >= 1);
        assertThat(preview.getImage().isError()).isFalse();
        assertThat(preview.getImage().getWidth()).isPositive();
        assertThat(robot.lookup("#file-status-1").queryAs(Label.class).getText())
                .startsWith("Archived ✓");

        Path target = home.resolve("chosen-" + System.nanoTime() + ".png");
        robot.interact(() -> h.window.detail().setSaveTarget(suggested -> target));
        assertThat(robot.lookup("#download-1").queryAs(Button.class).getText()).isEqualTo("Download");
        robot.interact(() -> robot.lookup("#task-list").query().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        until(() -> Files.exists(target));
        FileRecord archived =
                h.session.ledger().find(panda).orElseThrow().files().get(0);
        assertThat(Hashes.sha256(target)).isEqualTo(archived.sha256Final());
        until(() ->
                robot.lookup("#status-bar").queryAs(StatusBar.class).getText().startsWith("Saved to "));
    }

    @Test
    void aFailedTaskSaysWhyInPlainWords(FxRobot robot) throws Exception {
        TaskId moderation = WindowHarness.demoId("moderation");
        h.clock.advance(Duration.ofSeconds(10));
        robot.press(KeyCode.F5).release(KeyCode.F5);
        until(() -> h.session
                .ledger()
                .find(moderation)
                .map(r -> r.task().state() == TaskState.FAILED)
                .orElse(false));
        select(robot, moderation);
        assertThat(robot.lookup("#failure-message").queryAs(Label.class).getText())
                .isEqualTo("The prompt or an input was rejected by content moderation.");
        assertThat(robot.lookup("#failure-advice").queryAs(Label.class).getText())
                .as("and what to do next")
                .contains("rephrase the prompt");
        assertThat(robot.lookup("#error-box").queryAs(VBox.class).getChildren()).hasSize(4);
    }

    @Test
    void keyboardSearchDeleteAndUndo(FxRobot robot) throws Exception {
        ListView<TaskRecord> list = robot.lookup("#task-list").queryListView();
        until(() -> list.getItems().size() == h.demoIds().size());
        robot.clickOn("#task-list");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(robot.lookup("#search").queryAs(TextField.class).isFocused()).isTrue();
        robot.write("lighthouse");
        until(() -> list.getItems().size() == 1);
        robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
        until(() -> list.getSelectionModel().getSelectedIndex() == 0 && list.isFocused());
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        until(() -> list.getItems().isEmpty());
        until(() -> robot.lookup("#undo-button").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        until(() -> list.getItems().size() == 1);
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        until(() -> robot.lookup("#search").query().isFocused());
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.press(KeyCode.BACK_SPACE).release(KeyCode.BACK_SPACE);
        until(() -> list.getItems().size() == h.demoIds().size());

        int before = h.session.ledger().activeTasks().size();
        robot.clickOn("#task-list");
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        assertThat(before).isPositive();
        assertThat(robot.lookup("#grid-toggle").tryQuery()).isPresent();
        robot.clickOn("#grid-toggle");
        until(() -> robot.lookup("#task-grid").query().isVisible());
    }

    @Test
    void theStatusBarSaysHowFarADownloadIs(FxRobot robot) throws Exception {
        TaskId panda = WindowHarness.demoId("red-panda");
        robot.interact(
                () -> h.session.events().publish(new SyncEvent.DownloadProgress(panda, 1, 45_000_000, 100_000_000)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#status-saving").queryLabeled().getText()).matches("Saving \\d+ files? · 45%");
        robot.interact(
                () -> h.session.events().publish(new SyncEvent.DownloadProgress(panda, 1, 100_000_000, 100_000_000)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#status-saving").queryLabeled().getText()).doesNotContain("%");
    }

    @Test
    void belowTheLastTaskTheListIsBlankNotRuled(FxRobot robot) throws Exception {
        robot.interact(
                () -> robot.lookup("#task-list").query().getScene().getWindow().setHeight(1400));
        WaitForAsyncUtils.waitForFxEvents();
        var cells = robot.lookup("#task-list .list-cell").queryAllAs(ListCell.class);
        var empty = cells.stream().filter(c -> c.isEmpty() && c.isVisible()).toList();
        var filled = cells.stream().filter(c -> !c.isEmpty() && c.isVisible()).toList();
        assertThat(empty).as("the demo's tasks do not fill a tall window").isNotEmpty();
        assertThat(filled)
                .allSatisfy(c -> assertThat(c.getBorder().getStrokes().get(0).getBottomStroke())
                        .as("a task row is ruled")
                        .isNotEqualTo(Color.TRANSPARENT));
        assertThat(empty)
                .allSatisfy(c -> assertThat(c.getBorder() == null
                                || c.getBorder().getStrokes().stream()
                                        .allMatch(b -> Color.TRANSPARENT.equals(b.getBottomStroke())))
                        .as("an empty cell has no separator")
                        .isTrue());
    }
}
