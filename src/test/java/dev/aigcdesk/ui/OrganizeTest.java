package dev.aigcdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.TaskRecord;
import java.util.Objects;
import java.util.stream.IntStream;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Keepers: three tasks picked with Ctrl, five stars with the key 5, found again under Starred. */
class OrganizeTest extends DemoWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void threeTasksPickedWithCtrlStarredWithTheKey5AreUnderStarred(FxRobot robot) throws Exception {
        ListView<TaskRecord> list = robot.lookup("#task-list").queryListView();
        until(() -> list.getItems().size() == h.demoIds().size()
                && list.getItems().stream().limit(4).allMatch(Objects::nonNull));
        robot.clickOn(list);
        robot.interact(() -> h.window.list().selectIndex(0));
        robot.interact(() -> list.requestFocus());
        TaskId first = list.getItems().get(0).id();
        TaskId second = list.getItems().get(2).id();
        TaskId third = list.getItems().get(3).id();
        // Where rows 2 and 3 are on screen, read on the JavaFX thread (bounds read from the test's thread race
        // the window's layout pass).
        Point2D row2 = WaitForAsyncUtils.asyncFx(() -> centerOfRow(list, 2)).get();
        Point2D row3 = WaitForAsyncUtils.asyncFx(() -> centerOfRow(list, 3)).get();
        robot.press(KeyCode.CONTROL).clickOn(row2).clickOn(row3).release(KeyCode.CONTROL);
        until(() -> h.window.list().selection().size() == 3);

        robot.press(KeyCode.DIGIT5).release(KeyCode.DIGIT5);
        until(() -> h.session
                .ledger()
                .find(third)
                .map(r -> r.curation().stars() == 5)
                .orElse(false));

        until(() -> robot.lookup("#sidebar-starred").tryQuery().isPresent()
                && robot.lookup("#sidebar-starred").queryButton().getText().endsWith("3"));
        robot.clickOn("#sidebar-starred");
        until(() -> h.window.listViewModel().items().size() == 3);
        assertThat(IntStream.range(0, 3)
                        .mapToObj(i -> h.window.listViewModel().items().get(i).id()))
                .containsExactlyInAnyOrder(first, second, third);
        assertThat(h.session
                        .ledger()
                        .find(list.getItems().get(0).id())
                        .orElseThrow()
                        .curation()
                        .stars())
                .isEqualTo(5);

        robot.clickOn("#sidebar-all");
        until(() -> h.window.listViewModel().items().size() == h.demoIds().size());
    }

    @Test
    void inTheGridShiftClickTakesARangeAndCtrlATakesEverything(FxRobot robot) throws Exception {
        until(() -> h.window.listViewModel().items().size() == h.demoIds().size());
        robot.clickOn("#grid-toggle");
        until(() -> cell(robot, 0) != null && cell(robot, 3) != null);
        robot.clickOn(cell(robot, 0));
        until(() -> h.window.list().selection().size() == 1 && cell(robot, 3) != null);
        Node fourth = WaitForAsyncUtils.asyncFx(() -> cell(robot, 3)).get();
        robot.press(KeyCode.SHIFT).clickOn(fourth).release(KeyCode.SHIFT);
        until(() -> h.window.list().selection().size() == 4);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        until(() -> h.window.list().selection().size() == h.demoIds().size());
    }

    private static Node cell(FxRobot robot, int index) {
        return tile(robot, index);
    }

    private static Point2D centerOfRow(ListView<?> list, int index) {
        Node row = list.lookupAll(".list-cell").stream()
                .filter(n -> n instanceof ListCell<?> c && c.getIndex() == index)
                .findFirst()
                .orElseThrow();
        Bounds b = row.localToScreen(row.getBoundsInLocal());
        return new Point2D(b.getCenterX(), b.getCenterY());
    }
}
