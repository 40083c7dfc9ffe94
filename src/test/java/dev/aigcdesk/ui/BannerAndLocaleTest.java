package dev.aigcdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.app.SessionOptions;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.testing.Fixtures;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A rejected key shows the banner; the Chinese locale shows Chinese labels. Against a loopback server. */
@ExtendWith(ApplicationExtension.class)
class BannerAndLocaleTest {

    @TempDir
    static Path home;

    private final MockWebServer server = new MockWebServer();
    private WindowHarness h;

    @Start
    void start(Stage stage) throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return new MockResponse.Builder()
                        .code(401)
                        .body(Fixtures.read("aggregator_401.json"))
                        .build();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
        Path dir = Files.createTempDirectory(home, "w");
        h = new WindowHarness(
                stage,
                dir,
                new SessionOptions(server.url("/").toString(), "sk-wrong", false, dir),
                Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void stop() {
        h.close();
        server.close();
    }

    @Test
    void rejectedKeyShowsTheBannerAndChineseLabels(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#add-button").queryAs(Button.class).getText()).isEqualTo("添加任务");
        assertThat(robot.lookup("#refresh-button")
                        .queryAs(Button.class)
                        .getTooltip()
                        .getText())
                .startsWith("刷新");

        robot.interact(() -> h.window.addText("1397741205-AigcImageTask-96a3be3cf272e017046d1b2674a52bd3t"));
        robot.clickOn("#task-list").press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> robot.lookup("#key-banner").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Label text = robot.lookup("#key-banner .label").queryAs(Label.class);
        assertThat(text.getText()).isEqualTo("API 密钥被拒绝 — 请打开设置");
        assertThat(robot.lookup("#key-banner .button").queryAs(Button.class).getText())
                .isEqualTo("打开设置");
        // Why the task has no answer, in the window's language too (the library keeps a code, not an English sentence).
        TaskId id = TaskId.parse("1397741205-AigcImageTask-96a3be3cf272e017046d1b2674a52bd3t");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> h.session
                        .ledger()
                        .find(id)
                        .map(r -> r.lastError() != null)
                        .orElse(false));
        robot.interact(() -> h.window.listViewModel().reload());
        robot.interact(() -> h.window.select(id));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> robot.lookup(".label").queryAll().stream()
                                .anyMatch(n -> ((Label) n).getText() != null
                                        && ((Label) n).getText().contains("服务拒绝了 API 密钥")))
                        .get());
        assertThat(server.getRequestCount()).isPositive();
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer sk-wrong");
    }
}
