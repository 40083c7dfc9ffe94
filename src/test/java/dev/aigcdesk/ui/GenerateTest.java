package dev.aigcdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.config.SettingsStore;
import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.Lineage;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.TaskRecord;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** New generation (Ctrl+G) and Generate again (G) in the real window, against the demo service, which accepts creates. */
class GenerateTest extends DemoWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    private void selectFinished(FxRobot robot, TaskId id) throws Exception {
        until(() -> h.window.listViewModel().items().indexOf(id) >= 0);
        until(() -> h.session
                .ledger()
                .find(id)
                .map(r -> r.task().state() == TaskState.SUCCEEDED
                        && r.files().stream().allMatch(f -> f.state() != ArchiveState.PENDING))
                .orElse(false));
        robot.interact(() -> h.window.listViewModel().reload());
        robot.interact(() -> h.window.select(id));
        until(() -> h.window.detailViewModel().recordProperty().get() != null
                && h.window.detailViewModel().recordProperty().get().id().equals(id));
    }

    private List<TaskRecord> tasks() throws Exception {
        return h.session.ledger().list(TaskQuery.ALL);
    }

    private void editCombo(FxRobot robot, String id, String text) {
        Node editor = robot.lookup(id).lookup(".text-field").query();
        robot.clickOn(editor);
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
    }

    @Test
    void generateAgainWithAnotherAspectRatioStartsAWaitingTaskLinkedToItsParent(FxRobot robot) throws Exception {
        TaskId panda = WindowHarness.demoId("red-panda");
        selectFinished(robot, panda);
        int before = tasks().size();

        robot.clickOn("#detail-generate-again");
        until(() -> h.window.generatePanel() != null && h.window.generatePanel().isShowing());
        assertThat(h.window.generatePanel().request().prompt())
                .as("filled in from the task")
                .isEqualTo("a red panda reading a newspaper in a cafe, watercolor");
        assertThat(h.window.generatePanel().request().modelName()).isEqualTo("GEM");
        editCombo(robot, "#generate-aspect", "16:9");
        robot.clickOn("#generate-go");
        until(() -> robot.lookup("#confirm-generate").tryQuery().isPresent());
        robot.clickOn("#confirm-generate");

        until(() -> tasks().size() == before + 1);
        List<TaskId> tries = h.session.ledger().creations().lineage(panda).tries();
        assertThat(tries).hasSize(1);
        TaskRecord child = h.session.ledger().find(tries.get(0)).orElseThrow();
        assertThat(child.task().state()).isIn(TaskState.WAITING, TaskState.RUNNING, TaskState.SUCCEEDED);
        assertThat(child.task().prompt()).isEqualTo("a red panda reading a newspaper in a cafe, watercolor");
        Lineage lineage = h.session.ledger().creations().lineage(child.id());
        assertThat(lineage.madeFrom()).contains(panda);
        assertThat(lineage.request().orElseThrow())
                .contains("\"aspect_ratio\":\"16:9\"")
                .contains("\"model_name\":\"GEM\"");
        // At the top of the list, selected, with its origin a click away.
        until(() -> !h.window.listViewModel().items().isEmpty()
                && h.window.listViewModel().items().get(0).id().equals(child.id()));
        until(() -> child.id().equals(h.window.detailViewModel().showing()));
        until(() -> robot.lookup("#detail-made-from").tryQuery().isPresent());
        assertThat(robot.lookup("#detail-made-from").queryAs(Hyperlink.class).getText())
                .contains("a red panda reading");
        // The parent counts its tries, and "Tries" shows the family alone.
        robot.clickOn("#detail-made-from");
        until(() -> panda.equals(h.window.detailViewModel().showing()));
        until(() -> robot.lookup("#detail-tries").tryQuery().isPresent());
        robot.clickOn("#detail-tries");
        until(() -> h.window.listViewModel().items().size() == 2);
        assertThat(robot.lookup("#sidebar-family").tryQuery()).isPresent();
        robot.clickOn("#sidebar-family");
        until(() -> h.window.listViewModel().items().size() == before + 1);
    }

    @Test
    void ctrlGStartsANewGenerationAskingOnceAndTheNextOneRemembersTheChoices(FxRobot robot) throws Exception {
        until(() -> !h.window.listViewModel().items().isEmpty());
        int before = tasks().size();
        robot.clickOn("#task-list");
        robot.press(KeyCode.CONTROL).press(KeyCode.G).release(KeyCode.G).release(KeyCode.CONTROL);
        until(() -> h.window.generatePanel() != null && h.window.generatePanel().isShowing());
        assertThat(robot.lookup("#generate-go").queryButton().isDisabled())
                .as("nothing to generate yet")
                .isTrue();
        robot.clickOn("#generate-kind-video");
        editCombo(robot, "#generate-model", "Kling");
        editCombo(robot, "#generate-version", "2.5");
        robot.clickOn("#generate-prompt").write("a paper boat on a lake at dawn");
        editCombo(robot, "#generate-duration", "5");
        robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        until(() -> robot.lookup("#confirm-never").tryQuery().isPresent());
        robot.clickOn("#confirm-never");
        robot.clickOn("#confirm-generate");
        until(() -> tasks().size() == before + 1);
        TaskRecord made = tasks().stream()
                .filter(r -> "a paper boat on a lake at dawn".equals(r.task().prompt()))
                .findFirst()
                .orElseThrow();
        assertThat(made.task().modelLabel()).isEqualTo("Kling 2.5");
        assertThat(h.session.ledger().creations().lineage(made.id()).request().orElseThrow())
                .contains("\"duration\":5.0");
        until(() -> !new SettingsStore(h.session.paths().config()).load().askBeforeGenerating());

        // The next one starts with the last choices, and is not asked about again.
        robot.press(KeyCode.CONTROL).press(KeyCode.G).release(KeyCode.G).release(KeyCode.CONTROL);
        until(() -> h.window.generatePanel() != null
                && h.window.generatePanel().isShowing()
                && h.window.generatePanel().request().modelName() != null);
        var start = h.window.generatePanel().request();
        assertThat(start.kind()).isEqualTo(TaskKind.VIDEO);
        assertThat(start.modelName()).isEqualTo("Kling");
        assertThat(start.modelVersion()).isEqualTo("2.5");
        assertThat(start.durationSeconds()).isEqualTo(5.0);
        assertThat(start.prompt()).as("the prompt is not carried over").isNull();
        robot.clickOn("#generate-prompt").write("a second boat");
        robot.clickOn("#generate-go");
        until(() -> tasks().size() == before + 2);
        assertThat(robot.lookup("#confirm-generate").tryQuery()).isEmpty();
    }

    @Test
    void keyGOnTheListFillsThePanelAndABadUrlSaysWhatIsWrong(FxRobot robot) throws Exception {
        TaskId panda = WindowHarness.demoId("red-panda");
        selectFinished(robot, panda);
        robot.interact(() -> h.window.list().list().requestFocus());
        robot.press(KeyCode.G).release(KeyCode.G);
        until(() -> h.window.generatePanel() != null && h.window.generatePanel().isShowing());
        assertThat(h.window.generatePanel().request().prompt())
                .as("the selected task's")
                .startsWith("a red panda");
        until(() -> h.window.generatePanel() != null && h.window.generatePanel().isShowing());
        robot.clickOn("#generate-references").write("not a url");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#generate-go").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#generate-problem").queryLabeled().getText()).contains("not a url");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        until(() -> !h.window.generatePanel().isShowing());
        assertThat(h.session.ledger().creations().lineage(panda).tries())
                .as("cancelled: nothing started")
                .isEmpty();
    }

    @Test
    void shiftGStartsTheSameGenerationAgainAfterOneConfirmation(FxRobot robot) throws Exception {
        TaskId panda = WindowHarness.demoId("red-panda");
        selectFinished(robot, panda);
        robot.interact(() -> h.window.list().list().requestFocus()); // a click would select the row under the pointer
        robot.press(KeyCode.SHIFT).press(KeyCode.G).release(KeyCode.G).release(KeyCode.SHIFT);
        until(() -> robot.lookup("#confirm-generate").tryQuery().isPresent());
        assertThat(h.window.generatePanel()).as("no panel: the same parameters").isNull();
        robot.clickOn("#confirm-generate");
        try {
            until(() -> h.session.ledger().creations().lineage(panda).tries().size() == 1);
        } catch (TimeoutException e) {
            String shown = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                            .map(w -> w.getScene() == null
                                    ? ""
                                    : w.getScene().getRoot().lookupAll(".label").stream()
                                            .map(n -> ((Labeled) n).getText())
                                            .toList()
                                            .toString())
                            .toList()
                            .toString())
                    .get();
            throw new AssertionError("no try was started; windows: " + shown, e);
        }
        TaskId child = h.session.ledger().creations().lineage(panda).tries().get(0);
        String sent = h.session.ledger().creations().lineage(child).request().orElseThrow();
        assertThat(sent)
                .contains("\"prompt\":\"a red panda reading a newspaper in a cafe, watercolor\"")
                .contains("\"negative_prompt\":\"blur, distorted\"")
                .contains("\"model_name\":\"GEM\"")
                .contains("\"model_version\":\"2.5\"");
    }
}
