package dev.aigcdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.app.SessionOptions;
import dev.aigcdesk.app.Wiring;
import dev.aigcdesk.cli.Cli;
import dev.aigcdesk.testing.FaultServer;
import dev.aigcdesk.testing.Pictures;
import dev.aigcdesk.testing.ShownRows;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Finding pictures by look in the real window, on pictures the test draws: More like this (L), a colour
 * from the sidebar, the duplicates with one Undo, and a palette colour copied from the detail.
 */
@ExtendWith(ApplicationExtension.class)
class FindByLookWindowTest {

    @TempDir
    static Path homes;

    private FaultServer service;
    private WindowHarness window;
    private final FxRobot robot = new FxRobot();
    private final WindowWaits waits = new WindowWaits(robot, "The window");

    private static String id(int n) {
        return String.format("1397741205-AigcImageTask-c%031xt", n);
    }

    @Start
    void start(Stage stage) throws Exception {
        service = new FaultServer(Set.of());
        List<String> ids = Pictures.serveLookSet(service, FindByLookWindowTest::id);
        Path home = Files.createTempDirectory(homes, "designer");
        List<String> add = new ArrayList<>(List.of("add"));
        add.addAll(ids);
        assertThat(cli(home, add.toArray(String[]::new))).isZero();
        assertThat(cli(home, "sync", "--watch")).isZero();
        window = new WindowHarness(
                stage, home, new SessionOptions(service.baseUrl(), "sk-test", false, home), Locale.ENGLISH);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        service.close();
    }

    private int cli(Path home, String... args) {
        Map<String, String> env = Map.of("AIGC_DESK_HOME", home.toString(), "AIGC_DESK_KEYCHAIN", "off");
        String[] all = Stream.concat(Stream.of("--api-base", service.baseUrl(), "--api-key", "k"), Stream.of(args))
                .toArray(String[]::new);
        return new Cli(new Wiring(env, Clock.systemUTC()))
                .run(all, new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void moreLikeThisAColourAndTheDuplicatesInTheWindow() throws Exception {
        until("the library", () -> rows().size() == 9 && rows().stream().noneMatch(ShownRows.Row::blank));

        // The poster, then L: itself first, its two copies next, then the same shapes in other colours.
        select("poster of hills");
        robot.interact(() -> robot.lookup("#task-list").queryListView().requestFocus());
        robot.type(KeyCode.L);
        until(
                "the list ordered by look",
                () -> rows().size() == 9 && rows().get(0).prompt().contains("poster of hills"));
        List<ShownRows.Row> like = rows();
        assertThat(like.subList(1, 3).stream().map(ShownRows.Row::prompt))
                .allMatch(p -> p.contains("JPEG") || p.contains("half size"));
        assertThat(like.get(3).prompt()).contains("other colours");
        assertThat(robot.lookup("#sidebar-ranking").queryButton().getText()).contains("Like: poster of hills");
        assertThat(like)
                .as("no day headings on a ranked list")
                .allMatch(r -> r.heading().isEmpty());

        // A colour from the sidebar: brown finds the brown gradient first.
        robot.clickOn("#colour-brown");
        until(
                "the brown picture first",
                () -> !rows().isEmpty() && rows().get(0).prompt().contains("number 7"));
        assertThat(robot.lookup("#sidebar-ranking").queryButton().getText()).contains("Colour #6D4C41");

        // The duplicates: the three copies of the poster; the extra ones go with one Undo.
        robot.clickOn("#sidebar-duplicates");
        until("the duplicates", () -> rows().size() == 3);
        until(
                "the remove button",
                () -> robot.lookup("#sidebar-remove-extra").tryQuery().isPresent());
        assertThat(robot.lookup("#sidebar-remove-extra").queryButton().getText())
                .isEqualTo("Remove 2 extra copies");
        robot.clickOn("#sidebar-remove-extra");
        until("only the copy to keep", () -> rows().size() == 1);
        until("the Undo bar", () -> robot.lookup("#undo-button").tryQuery().isPresent());
        robot.clickOn("#undo-button");
        until("the copies back", () -> rows().size() == 3);

        // Back to everything; the detail shows the poster's palette, and a click copies a colour.
        robot.clickOn("#sidebar-ranking");
        until("everything again", () -> rows().size() == 9);
        select("poster of hills");
        until(
                "the palette in the detail",
                () -> robot.lookup("#palette").tryQuery().isPresent());
        Button first = robot.lookup("#palette .palette-swatch").queryButton();
        robot.clickOn(first);
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.asyncFx(
                        () -> Clipboard.getSystemClipboard().getString())
                .get();
        assertThat(copied).matches("#[0-9A-F]{6}");
        assertThat(first.getId()).isEqualTo("swatch-" + copied.substring(1).toLowerCase(Locale.ROOT));
    }

    private void select(String prompt) throws Exception {
        int index = -1;
        List<ShownRows.Row> now = rows();
        for (int i = 0; i < now.size(); i++) {
            if (now.get(i).prompt().contains(prompt)) {
                index = i;
            }
        }
        assertThat(index).as(prompt + " on screen").isNotNegative();
        int at = index;
        robot.interact(() ->
                robot.lookup("#task-list").queryListView().getSelectionModel().clearAndSelect(at));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void until(String what, BooleanSupplier check) throws Exception {
        waits.until(what, check, 20);
    }

    private List<ShownRows.Row> rows() {
        return waits.rows();
    }
}
