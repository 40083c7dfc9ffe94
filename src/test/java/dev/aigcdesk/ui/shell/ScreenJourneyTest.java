package dev.aigcdesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.testing.ShownRows.Row;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The journeys of a first day, judged by what the window draws: after each step, the prompts, state
 * badges and thumbnails inside the visible cells (not the list's items, not the ledger). Each one
 * drew blank rows before the list's cells kept their graphic managed.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenJourneyTest {

    private static final TaskId RED_PANDA = Journey.sample("red-panda");
    private static final TaskId KITCHEN = Journey.sample("kitchen-icons");
    private static final TaskId INK = Journey.sample("ink-cabin");
    private static final TaskId LIGHTHOUSE = Journey.sample("lighthouse");
    private static final TaskId SHANGHAI = Journey.sample("shanghai-poster");

    private static final String PANDA_PROMPT = "a red panda reading a newspaper in a cafe, watercolor";
    private static final String KITCHEN_PROMPT = "isometric icon set of four kitchen appliances, flat pastel colors";
    private static final String INK_PROMPT = "水墨风格的山间小屋，清晨薄雾，远山层叠 🌄🏔️ ink-wash cabin in the mountains";
    private static final String LIGHTHOUSE_PROMPT =
            "minimalist poster of a lighthouse at dawn, soft gradients, risograph texture";
    private static final String SHANGHAI_PROMPT = "retro travel poster of Shanghai, art deco, bold typography";
    private static final Set<String> FOUR = Set.of(PANDA_PROMPT, KITCHEN_PROMPT, INK_PROMPT, LIGHTHOUSE_PROMPT);

    @TempDir
    Path home;

    private Stage stage;
    private Journey journey;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (journey != null) {
            journey.close();
        }
    }

    /** First run, a key, four ids through the Add dialog: two finished long ago, two still waiting at the service. */
    private List<Row> fourAdded() throws Exception {
        journey = new Journey(stage, new FxRobot(), home).firstRun().enterKey("sk-first");
        journey.addThroughDialog(List.of(RED_PANDA, KITCHEN, INK, LIGHTHOUSE), false);
        return journey.untilRows("the four prompts", drawn(FOUR));
    }

    @Test
    void firstRunWithAKeyThenAddShowsEveryPromptWhileTheFilesArrive() throws Exception {
        List<Row> rows = fourAdded();
        assertThat(rows).allSatisfy(r -> assertThat(r.badge()).isNotEmpty());
        assertThat(rows)
                .filteredOn(r -> r.prompt().equals(INK_PROMPT))
                .singleElement()
                .satisfies(r -> assertThat(r.badge()).isEqualTo("Waiting"));

        // The finished two are saved and show their pictures; the rows stay drawn all along.
        journey.archivedFile(KITCHEN, home.resolve("archive"));
        journey.archivedFile(RED_PANDA, home.resolve("archive"));
        rows = journey.untilRows(
                "pictures for the finished two",
                drawn(FOUR)
                        .and(rs -> rs.stream()
                                .filter(r -> r.prompt().equals(PANDA_PROMPT)
                                        || r.prompt().equals(KITCHEN_PROMPT))
                                .allMatch(Row::picture)));
        assertThat(rows)
                .filteredOn(r -> r.prompt().equals(PANDA_PROMPT))
                .singleElement()
                .satisfies(r -> assertThat(r.expiry()).isEqualTo("Archived ✓"));
        assertThat(rows)
                .filteredOn(r -> r.prompt().equals(LIGHTHOUSE_PROMPT))
                .singleElement()
                .satisfies(r -> assertThat(r.icon())
                        .as("no picture yet: its state's icon")
                        .isTrue());
        Journey.until(() -> journey.dayBand().equals("Today"));
        assertThat(rows.get(0).heading())
                .as("the band says the first row's day; the row does not repeat it")
                .isEmpty();
        assertThat(rows)
                .extracting(Row::heading)
                .as("the next day heads its first row")
                .contains("Yesterday");
    }

    @Test
    void addingWhileRowsAreShownDrawsTheNewRowAndKeepsTheOthers() throws Exception {
        fourAdded();
        // This time with Ctrl+Enter in the box, as the dialog's Add button says.
        TaskId missing = Journey.sample("missing");
        journey.addThroughDialog(List.of(SHANGHAI, missing), true);
        Set<String> five = new HashSet<>(FOUR);
        five.add(SHANGHAI_PROMPT);
        // An id the service does not know: its row shows the id itself (there is no prompt), and says so.
        five.add(missing.value());
        List<Row> rows = journey.untilRows("five prompts and the unknown id", drawn(five));
        assertThat(rows)
                .filteredOn(r -> r.prompt().equals(missing.value()))
                .singleElement()
                .satisfies(r -> assertThat(r.badge()).isEqualTo("Not found"));
        // A refresh of the whole list (F5) after it keeps them drawn too.
        journey.robot.press(KeyCode.F5).release(KeyCode.F5);
        journey.untilRows("five prompts after a refresh", drawn(five));
    }

    @Test
    void aRefreshThatFinishesTasksRedrawsTheirBadgesAndPictures() throws Exception {
        fourAdded();
        journey.serviceTimePasses(Duration.ofMinutes(2));
        journey.archivedFile(LIGHTHOUSE, home.resolve("archive"));
        List<Row> rows = journey.untilRows(
                "every task done with its picture",
                drawn(FOUR).and(rs -> rs.stream().allMatch(r -> r.badge().equals("Done") && r.picture())));
        assertThat(rows).extracting(Row::expiry).containsOnly("Archived ✓");

        // Nothing runs any more, so nothing refreshes: the status line's age of the last refresh counts up by itself.
        Journey.until(() -> secondsAgo() >= 5);
        int seen = secondsAgo();
        Journey.until(() -> secondsAgo() > seen);
    }

    /** The N of "Last refresh N s ago" in the status line, or -1. */
    private int secondsAgo() {
        String text =
                journey.robot.lookup("#status-bar").queryAs(StatusBar.class).getText();
        Matcher m = Pattern.compile("Last refresh (\\d+) s ago").matcher(text == null ? "" : text);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    @Test
    void searchingThenClearingDrawsTheMatchThenEveryRow() throws Exception {
        fourAdded();
        journey.robot.clickOn("#search").write("lighthouse");
        List<Row> rows = journey.untilRows("only the lighthouse", drawn(Set.of(LIGHTHOUSE_PROMPT)));
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.badge()).isEqualTo("Waiting"));
        journey.robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        journey.untilRows("every row again", drawn(FOUR));
    }

    @Test
    void changingTheSortDrawsTheRowsInTheNewOrder() throws Exception {
        fourAdded();
        journey.robot.clickOn("#sort");
        journey.robot.clickOn("Newest added");
        journey.untilRows("the rows sorted by when they were added", drawn(FOUR));
        journey.robot.clickOn("#sort");
        journey.robot.clickOn("Most stars");
        List<Row> rows = journey.untilRows("the rows sorted by stars", drawn(FOUR));
        assertThat(rows)
                .extracting(Row::heading)
                .as("no days when sorted by stars")
                .containsOnly("");
        Journey.until(() -> journey.dayBand().isEmpty());
        journey.robot.clickOn("#sort");
        journey.robot.clickOn("Newest generated");
        journey.untilRows("the rows back in generated order", drawn(FOUR));
        Journey.until(() -> journey.dayBand().equals("Today"));
    }

    @Test
    void removingThenUndoingDrawsTheRemainingRowsThenTheReturnedOne() throws Exception {
        fourAdded();
        journey.clickRow(KITCHEN_PROMPT);
        journey.robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        Set<String> three = FOUR.stream().filter(p -> !p.equals(KITCHEN_PROMPT)).collect(Collectors.toSet());
        journey.untilRows("three rows", drawn(three));
        journey.robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        journey.untilRows("all four again", drawn(FOUR));
    }

    @Test
    void theGalleryThenTheListDrawsEveryRow() throws Exception {
        fourAdded();
        journey.robot.clickOn("#grid-toggle");
        Journey.until(() -> journey.robot
                        .lookup("#task-grid")
                        .tryQuery()
                        .map(Node::isVisible)
                        .orElse(false)
                || !journey.list().isVisible());
        journey.robot.clickOn("#list-toggle");
        journey.untilRows("the rows after the gallery", drawn(FOUR));
    }

    @Test
    void settingsOkOpensTheWindowAgainWithEveryRowDrawn() throws Exception {
        fourAdded();
        var before = journey.switcher.window();
        journey.robot.clickOn("#settings-button");
        journey.settings(pane -> {});
        Journey.until(() -> journey.switcher.window() != before && journey.switcher.session() != null);
        journey.untilRows("the rows in the new window", drawn(FOUR));
    }

    /** Exactly these prompts are drawn, one row each, every row with its badge and a picture or an icon. */
    private static Predicate<List<Row>> drawn(Set<String> prompts) {
        return rows -> rows.size() == prompts.size()
                && rows.stream().map(Row::prompt).collect(Collectors.toSet()).equals(prompts)
                && rows.stream().allMatch(r -> !r.badge().isEmpty() && (r.picture() || r.icon()));
    }
}
