package dev.aigcdesk.ui;

import dev.aigcdesk.testing.ShownRows;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ListView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting for what a real window draws, and reading its rows as drawn, for the window tests. */
final class WindowWaits {

    private final FxRobot robot;
    private final String whose;

    /** @param whose how a failure names the window ("Ben's window") */
    WindowWaits(FxRobot robot, String whose) {
        this.robot = robot;
        this.whose = whose;
    }

    /** Waits until {@code check} holds, or fails saying what the window drew instead. */
    void until(String what, BooleanSupplier check, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            WaitForAsyncUtils.waitForFxEvents();
            if (check.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(whose + " never showed " + what + "; it drew " + rows());
            }
            Thread.sleep(100);
        }
    }

    /** The list's rows as the window draws them now. */
    List<ShownRows.Row> rows() {
        try {
            WaitForAsyncUtils.waitForFxEvents();
            return WaitForAsyncUtils.asyncFx(() -> {
                        ListView<?> list = robot.lookup("#task-list").queryListView();
                        return ShownRows.of(list);
                    })
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
