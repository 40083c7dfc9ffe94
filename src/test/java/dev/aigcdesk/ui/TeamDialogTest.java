package dev.aigcdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.app.SessionOptions;
import dev.aigcdesk.library.postgres.TeamDatabase;
import dev.aigcdesk.testing.TestPostgres;
import dev.aigcdesk.ui.common.ErrorWords;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.settings.TeamDialog;
import dev.aigcdesk.ui.settings.TeamViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Settings → Team library, driven by keyboard and mouse in the real dialog against a real PostgreSQL. */
@ExtendWith(ApplicationExtension.class)
class TeamDialogTest {

    @TempDir
    static Path homes;

    private WindowHarness h;
    private Path home;
    private Stage stage;
    private final FxRobot robot = new FxRobot();
    private final AtomicInteger switched = new AtomicInteger();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        home = Files.createTempDirectory(homes, "desk");
        h = new WindowHarness(
                stage, home, new SessionOptions("http://127.0.0.1:9/", "sk-test", false, home), Locale.ENGLISH);
    }

    @AfterEach
    void close() {
        h.close();
    }

    private void open() {
        I18n i18n = new I18n(Locale.ENGLISH);
        robot.interact(() -> new TeamDialog(
                        stage,
                        new TeamViewModel(
                                h.session.team(), s -> TeamDialog.describe(s, i18n), new ErrorWords(i18n)::say, h.ui),
                        i18n,
                        switched::incrementAndGet)
                .show());
    }

    private String status() {
        return robot.lookup("#team-status").queryAs(Label.class).getText();
    }

    @Test
    void connectingSaysWhereThisDesktopStandsKeepsNoPasswordAndDisconnectingGoesBack() throws Exception {
        TeamDatabase team = TestPostgres.shared().newDatabase();
        open();
        until(() -> status().startsWith("This desktop uses its own library"));

        robot.clickOn("#team-db").write("postgresql://127.0.0.1:" + team.port() + "/" + team.database() + "?user=desk");
        robot.clickOn("#team-password").write(team.password());
        robot.clickOn("#team-name").write("Ben");
        robot.clickOn("#team-connect");
        until(() -> status().startsWith("Connected to postgresql://127.0.0.1:" + team.port()));
        assertThat(status()).contains("as “Ben”: 0 tasks", "in each desktop's own archive folder", "Ben");
        assertThat(switched.get()).as("the window reopens on the team").isEqualTo(1);
        assertThat(robot.lookup("#team-password").queryTextInputControl().getText())
                .as("the password is not held")
                .isEmpty();
        try (var files = Files.walk(home)) {
            assertThat(files.filter(p -> p.getFileName().toString().equals("team.properties")))
                    .singleElement()
                    .satisfies(p -> assertThat(Files.readString(p)).doesNotContain(team.password()));
        }

        robot.clickOn("#team-disconnect");
        until(() -> status().startsWith("This desktop uses its own library"));
        assertThat(switched.get()).isEqualTo(2);
    }

    @Test
    void aWrongPasswordIsSaidInTheDialogAndNothingChanges() throws Exception {
        TeamDatabase team = TestPostgres.shared().newDatabase();
        open();
        until(() -> status().startsWith("This desktop uses its own library"));
        robot.clickOn("#team-db").write("postgresql://127.0.0.1:" + team.port() + "/" + team.database() + "?user=desk");
        robot.clickOn("#team-password").write("not-the-password");
        robot.clickOn("#team-connect");
        until(() -> status().contains("refused the user name or password"));
        assertThat(status()).doesNotContain("not-the-password");
        assertThat(robot.lookup("#team-status").queryAs(Label.class).getStyleClass())
                .contains("danger");
        assertThat(switched.get()).isZero();
        assertThat(h.session.team().status().connected()).isFalse();
    }

    private void until(BooleanSupplier check) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            WaitForAsyncUtils.waitForFxEvents();
            if (check.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("The dialog never got there; it says: " + status());
            }
            Thread.sleep(50);
        }
    }
}
