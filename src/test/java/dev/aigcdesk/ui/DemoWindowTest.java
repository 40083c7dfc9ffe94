package dev.aigcdesk.ui;

import dev.aigcdesk.ui.tasklist.TaskTile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on the demo service, one fresh library per test, and a wait that looks at the scene on the JavaFX thread. */
@ExtendWith(ApplicationExtension.class)
abstract class DemoWindowTest {

    @TempDir
    static Path home;

    WindowHarness h;

    /** Each test class's {@code @Start} calls this (TestFX looks for {@code @Start} on the class itself). */
    void open(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(home, "w");
        h = new WindowHarness(stage, dir, WindowHarness.demo(dir), Locale.ENGLISH);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    /** Waits (at most 20 s) until the condition holds; it is evaluated on the JavaFX thread, where the scene is built. */
    static void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The gallery's tiles on screen that show a task. */
    static List<TaskTile> tiles(FxRobot robot) {
        return robot.lookup(".task-tile").queryAll().stream()
                .filter(n -> n instanceof TaskTile)
                .map(n -> (TaskTile) n)
                .filter(t -> t.task() != null && GalleryTest.onScreen(t))
                .toList();
    }

    /** The gallery's tile of task {@code index}, or null while it is not on screen. */
    static TaskTile tile(FxRobot robot, int index) {
        return tiles(robot).stream()
                .filter(t -> t.taskIndex() == index)
                .findFirst()
                .orElse(null);
    }
}
