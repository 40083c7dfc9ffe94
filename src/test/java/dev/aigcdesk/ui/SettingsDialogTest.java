package dev.aigcdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.aigcdesk.config.ApiKeyStore;
import dev.aigcdesk.config.SettingsStore;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Theme;
import dev.aigcdesk.ui.common.UiExecutor;
import dev.aigcdesk.ui.settings.SettingsDialog;
import dev.aigcdesk.ui.settings.SettingsViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Settings in Chinese, in a 1000×640 window: every label shown whole, OK and Cancel in the window's language. */
@ExtendWith(ApplicationExtension.class)
class SettingsDialogTest {

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(new StackPane(), 1000, 640);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static List<Labeled> labeledIn(Parent p) {
        List<Labeled> out = new ArrayList<>();
        for (Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof Labeled l
                    && l.getText() != null
                    && !l.getText().isBlank()
                    && l.isVisible()
                    && !(n instanceof ListCell)) {
                out.add(l);
            }
            if (n instanceof Parent child) {
                out.addAll(labeledIn(child));
            }
        }
        return out;
    }

    @Test
    void inChineseAt1000By640NoLabelIsCutShort(FxRobot robot) throws Exception {
        noLabelIsCutShort(robot, Locale.SIMPLIFIED_CHINESE, 1000, 640, "确定");
    }

    @Test
    void inEnglishAt1440By900NoLabelIsCutShort(FxRobot robot) throws Exception {
        // "Test connection" and "Ask before starting a paid generation (once per session)" were cut here.
        noLabelIsCutShort(robot, Locale.ENGLISH, 1440, 900, "OK");
    }

    private void noLabelIsCutShort(FxRobot robot, Locale locale, double width, double height, String okText)
            throws Exception {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        I18n zh = new I18n(locale);
        SettingsViewModel vm = new SettingsViewModel(
                new SettingsStore(dir.resolve("config")),
                new ApiKeyStore(dir.resolve("config"), false),
                (base, key) -> new SettingsViewModel.ConnectionTester.Result(false, "x"),
                UiExecutor.IMMEDIATE);
        robot.interact(() -> vm.load(
                () -> new SettingsDialog(stage, vm, zh, dir.resolve("archive"), false, s -> {}, () -> {}).show()));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#settings-key").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getScene().getWindow().getHeight())
                .as("fits the window's height")
                .isLessThanOrEqualTo(height + 80);

        List<Labeled> labeled = WaitForAsyncUtils.asyncFx(() -> labeledIn(pane)).get();
        assertThat(labeled).hasSizeGreaterThan(10);
        for (Labeled l : labeled) {
            Node text = l.lookup(".text");
            String shown = text instanceof Text t ? t.getText() : l.getText();
            assertThat(shown).as("label '%s' is shown whole", l.getText()).isEqualTo(l.getText());
        }
        Button ok = (Button) pane.lookupButton(pane.getButtonTypes().stream()
                .filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .findFirst()
                .orElseThrow());
        assertThat(ok.getText()).isEqualTo(okText);
        robot.interact(() -> ((Stage) pane.getScene().getWindow()).close());
    }

    @Test
    void aFullDiskIsSaidInTheWindowsLanguageAndTheDialogSaysNothingWasSaved(FxRobot robot) throws Exception {
        // The settings are written to a temporary file first; here it leads to /dev/full, a disk with no room.
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.createSymbolicLink(config.resolve("settings.properties.tmp"), Path.of("/dev/full"));
        I18n zh = new I18n(Locale.SIMPLIFIED_CHINESE);
        SettingsViewModel vm = new SettingsViewModel(
                new SettingsStore(config),
                new ApiKeyStore(config, false),
                (base, key) -> new SettingsViewModel.ConnectionTester.Result(false, "x"),
                UiExecutor.IMMEDIATE);
        robot.interact(() -> vm.load(
                () -> new SettingsDialog(stage, vm, zh, dir.resolve("archive"), false, s -> {}, () -> {}).show()));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#settings-key").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        Button ok = (Button) pane.lookupButton(pane.getButtonTypes().stream()
                .filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .findFirst()
                .orElseThrow());
        robot.interact(ok::fire);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup(".dialog-pane").queryAllAs(DialogPane.class).stream()
                        .anyMatch(p ->
                                p.getContentText() != null && p.getContentText().contains("磁盘已满")));
        String said = robot.lookup(".dialog-pane").queryAllAs(DialogPane.class).stream()
                .map(DialogPane::getContentText)
                .filter(t -> t != null && t.contains("磁盘已满"))
                .findFirst()
                .orElseThrow();
        assertThat(said).isEqualTo("设置未能保存：磁盘已满");
        assertThat(config.resolve("settings.properties"))
                .as("nothing half-written in place of the settings")
                .doesNotExist();
    }
}
