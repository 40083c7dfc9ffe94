package dev.aigcdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.ui.preview.CompareView;
import dev.aigcdesk.ui.preview.ViewerItem;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The gallery at full width, moved through with the keys, and two outputs compared with zoom locked together. */
class GridAndCompareTest extends DemoWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    private TaskRecord selected() {
        return h.window.list().selectedProperty().get();
    }

    @Test
    void theGridFillsTheWindowArrowKeysMoveAndEnterOpensTheViewer(FxRobot robot) throws Exception {
        until(() -> h.window.listViewModel().items().size() == h.demoIds().size());
        robot.clickOn("#grid-toggle");
        SplitPane split = robot.lookup(".split-pane").queryAs(SplitPane.class);
        until(() -> split.getItems().size() == 1);
        assertThat(robot.lookup("#tile-size").tryQuery())
                .as("a thumbnail-size slider beside the gallery")
                .isPresent();

        robot.interact(() -> h.window.list().selectIndex(0));
        robot.interact(() -> h.window.list().grid().requestFocus());
        TaskId first = selected().id();
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        until(() -> selected() != null && !selected().id().equals(first));
        assertThat(h.window.listViewModel().items().indexOf(selected().id())).isEqualTo(1);
        robot.press(KeyCode.LEFT).release(KeyCode.LEFT);
        until(() -> selected().id().equals(first));
        // End and Home: the last task and the first; the last one's tile is brought into view.
        int last = h.window.listViewModel().items().size() - 1;
        robot.press(KeyCode.END).release(KeyCode.END);
        until(() -> h.window.list().list().getSelectionModel().getSelectedIndex() == last && tile(robot, last) != null);
        robot.press(KeyCode.HOME).release(KeyCode.HOME);
        until(() -> selected().id().equals(first) && tile(robot, 0) != null);

        // Walk to a finished image, then Enter opens it.
        TaskId panda = WindowHarness.demoId("red-panda");
        until(() -> h.session
                .ledger()
                .find(panda)
                .map(r -> r.files().stream().allMatch(f -> f.state() == ArchiveState.ARCHIVED)
                        && !r.files().isEmpty())
                .orElse(false));
        robot.interact(() -> h.window.listViewModel().reload());
        until(() -> h.window.listViewModel().items().indexOf(panda) >= 0
                && h.window
                                .listViewModel()
                                .items()
                                .get(h.window.listViewModel().items().indexOf(panda))
                        != null);
        robot.interact(() ->
                h.window.list().selectIndex(h.window.listViewModel().items().indexOf(panda)));
        robot.interact(() -> h.window.list().grid().requestFocus());
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        until(() -> h.window.viewer() != null && h.window.viewer().isShowing());
        assertThat(h.window.viewer().current().task().id()).isEqualTo(panda);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        until(() -> split.getItems().size() == 2);
    }

    @Test
    void twoOutputsComparedSideBySideZoomTogether(FxRobot robot) throws Exception {
        TaskId kitchen = WindowHarness.demoId("kitchen-icons");
        until(() -> h.session
                .ledger()
                .find(kitchen)
                .map(r -> r.files().size() == 4 && r.files().stream().allMatch(f -> f.state() == ArchiveState.ARCHIVED))
                .orElse(false));
        robot.interact(() -> h.window.listViewModel().reload());
        until(() -> h.window.listViewModel().items().indexOf(kitchen) >= 0);
        robot.interact(() -> h.window.select(kitchen));
        until(() -> robot.lookup("#compare-button").tryQuery().isPresent()
                && h.window.detailViewModel().recordProperty().get().files().stream()
                        .allMatch(f -> f.state() == ArchiveState.ARCHIVED));
        robot.interact(() -> robot.lookup("#compare-button").queryButton().fire());
        until(() -> robot.lookup("#compare").tryQuery().isPresent());
        CompareView compare = robot.lookup("#compare").query().getScene().getWindow() == null ? null : findCompare();
        assertThat(compare).isNotNull();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(compare.images()).as("four outputs side by side").hasSize(4);
        robot.interact(() -> compare.setZoom(2.0));
        assertThat(compare.zooms()).as("zoom is locked across all four").containsOnly(2.0);
        assertThat(robot.lookup("#compare-1").tryQuery()).isPresent();
    }

    @Test
    void twoOutputsOneOverTheOtherWithADividerToDrag(FxRobot robot) throws Exception {
        var r = archivedKitchen();
        robot.interact(() -> h.window
                .compare(List.of(
                        new ViewerItem(r, r.files().get(0)),
                        new ViewerItem(r, r.files().get(1))))
                .show());
        CompareView compare = findCompare();
        until(() -> robot.lookup("#compare-slider").tryQuery().isPresent());
        robot.clickOn("#compare-slider");
        until(compare::sliding);
        Node overlay = robot.lookup("#compare-overlay").query();
        Node divider = robot.lookup("#compare-divider").query();
        assertThat(compare.splitProperty().get()).isEqualTo(0.5);
        // Dragged to the left: the first output shows on less of the width, the second on more.
        Bounds b = WaitForAsyncUtils.asyncFx(() -> overlay.localToScreen(overlay.getBoundsInLocal()))
                .get();
        robot.drag(divider, MouseButton.PRIMARY)
                .moveTo(b.getMinX() + b.getWidth() * 0.25, b.getCenterY())
                .release(MouseButton.PRIMARY);
        until(() -> Math.abs(compare.splitProperty().get() - 0.25) < 0.05);
        robot.interact(() -> compare.setZoom(2.0));
        assertThat(compare.zooms()).as("zoom and pan stay locked in the slider").containsOnly(2.0);
        robot.clickOn("#compare-side-by-side");
        until(() -> !compare.sliding() && robot.lookup("#compare-1").tryQuery().isPresent());
        assertThat(compare.images()).hasSize(2);
    }

    @Test
    void aLongPromptUnderAComparedPictureTakesTwoLinesAndLeavesThePictureItsRoom(FxRobot robot) throws Exception {
        var r = archivedKitchen();
        String longPrompt = "a very detailed prompt, ".repeat(40).strip();
        var t = r.task();
        var wordy = new TaskRecord(
                new GenerationTask(
                        t.id(),
                        t.kind(),
                        t.state(),
                        t.progress(),
                        longPrompt,
                        t.negativePrompt(),
                        t.enhancePrompt(),
                        t.modelName(),
                        t.modelVersion(),
                        t.generationMode(),
                        t.seed(),
                        t.sceneType(),
                        t.outputConfig(),
                        t.references(),
                        t.times(),
                        t.requestId(),
                        t.failure(),
                        t.outputs()),
                r.addedAt(),
                r.refreshedAt(),
                r.reach(),
                r.lastError(),
                r.files(),
                r.curation());
        robot.interact(() -> h.window
                .compare(List.of(
                        new ViewerItem(wordy, r.files().get(0)),
                        new ViewerItem(r, r.files().get(1))))
                .show());
        until(() -> robot.lookup("#compare-0").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        VBox column = robot.lookup("#compare-0").queryAs(VBox.class);
        Label caption = (Label) column.lookup(".compare-prompt");
        Node picture = column.getChildren().get(0);
        double line = WaitForAsyncUtils.asyncFx(() -> caption.getFont().getSize() * 1.5)
                .get();
        assertThat(caption.getHeight())
                .as("the caption takes at most two lines")
                .isLessThanOrEqualTo(2 * line + 2);
        assertThat(picture.getLayoutBounds().getHeight())
                .as("the picture keeps most of its column")
                .isGreaterThan(column.getHeight() * 0.75);
        assertThat(caption.getTooltip().getText())
                .as("the whole prompt is in the tooltip")
                .isEqualTo(longPrompt);
        Text shown = (Text) caption.lookup(".text");
        assertThat(shown.getText())
                .as("cut short with an ellipsis")
                .endsWith("...")
                .hasSizeLessThan(longPrompt.length());
        robot.interact(() -> ((Stage) column.getScene().getWindow()).close());
    }

    /** The demo's kitchen icons once all four files are saved. */
    private TaskRecord archivedKitchen() throws Exception {
        TaskId kitchen = WindowHarness.demoId("kitchen-icons");
        until(() -> h.session
                .ledger()
                .find(kitchen)
                .map(r -> r.files().size() == 4 && r.files().stream().allMatch(f -> f.state() == ArchiveState.ARCHIVED))
                .orElse(false));
        return h.session.ledger().find(kitchen).orElseThrow();
    }

    private CompareView findCompare() {
        return h.window.compareView();
    }

    @Test
    void at1000By640TheToolbarCutsNothingShort(FxRobot robot) throws Exception {
        robot.interact(() -> {
            Window w = robot.lookup("#task-list").query().getScene().getWindow();
            w.setWidth(1000);
            w.setHeight(640);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Parent bar = robot.lookup(".toolbar-row").queryAs(Parent.class);
        List<Labeled> shown = WaitForAsyncUtils.asyncFx(() -> bar.lookupAll(".button").stream()
                        .filter(n -> n instanceof Button b && b.getText() != null && b.isVisible())
                        .map(n -> (Labeled) n)
                        .toList())
                .get();
        assertThat(shown).hasSizeGreaterThanOrEqualTo(2);
        for (Labeled b : shown) {
            Node text = b.lookup(".text");
            assertThat(text instanceof Text t ? t.getText() : b.getText())
                    .as("button '%s'", b.getText())
                    .isEqualTo(b.getText());
        }
        assertThat(bar.getLayoutBounds().getWidth()).isLessThanOrEqualTo(1000);
        // The filters and the sort show their whole choice; Add and New generation give their labels up for it (icon
        // and tooltip).
        List<ComboBox<?>> boxes = WaitForAsyncUtils.asyncFx(() -> bar.lookupAll(".combo-box").stream()
                        .<ComboBox<?>>map(n -> (ComboBox<?>) n)
                        .toList())
                .get();
        assertThat(boxes).hasSize(3);
        for (var box : boxes) {
            var cell = box.getButtonCell();
            Node text = cell.lookup(".text");
            // JavaFX cuts a label short with "...".
            assertThat(((Text) text).getText())
                    .as("%s shows its choice whole", box.getId())
                    .isNotBlank()
                    .doesNotContain("...");
        }
        for (String id : List.of("#add-button", "#generate-button")) {
            Button b = robot.lookup(id).queryButton();
            assertThat(b.getContentDisplay()).as(id).isEqualTo(ContentDisplay.GRAPHIC_ONLY);
            assertThat(b.getTooltip().getText()).isNotBlank();
        }
        robot.interact(
                () -> robot.lookup("#task-list").query().getScene().getWindow().setWidth(1400));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#add-button").queryButton().getContentDisplay())
                .as("labelled again when there is room")
                .isEqualTo(ContentDisplay.LEFT);
    }

    @Test
    void aRubberBandInTheGridSelectsTheTilesItTouches(FxRobot robot) throws Exception {
        until(() -> h.window.listViewModel().items().size() == h.demoIds().size());
        robot.clickOn("#grid-toggle");
        until(() -> tile(robot, 0) != null && tile(robot, 1) != null);
        Node first = tile(robot, 0);
        Node second = tile(robot, 1);
        robot.drag(first, MouseButton.PRIMARY).moveTo(second).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        until(() -> h.window.list().selection().size() == 2);
        assertThat(h.window.list().selection())
                .extracting(TaskRecord::id)
                .containsExactly(
                        h.window.listViewModel().items().get(0).id(),
                        h.window.listViewModel().items().get(1).id());
    }
}
