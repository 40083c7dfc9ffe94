package dev.aigcdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.download.provenance.ImageHeader;
import dev.aigcdesk.library.LibraryFilter;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.library.TaskShapes;
import dev.aigcdesk.store.folder.ThumbnailFolder;
import dev.aigcdesk.system.PosterFrames;
import dev.aigcdesk.ui.common.UiExecutor;
import dev.aigcdesk.ui.preview.Thumbnails;
import dev.aigcdesk.ui.preview.ViewerItem;
import dev.aigcdesk.ui.tasklist.StateFilter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The pictures first: the contact sheet, the viewer and its keys, and states that never contradict each other. */
class GalleryTest extends DemoWindowTest {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    /** Shown, and so are all its parents (recycled cells hide their parts rather than remove them). */
    static boolean onScreen(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private void selectArchived(FxRobot robot, TaskId id) throws Exception {
        until(() -> h.window.listViewModel().items().indexOf(id) >= 0);
        until(() -> h.session
                .ledger()
                .find(id)
                .map(r -> !r.files().isEmpty() && r.files().stream().allMatch(f -> f.state() != ArchiveState.PENDING))
                .orElse(false));
        robot.interact(() -> h.window.listViewModel().reload());
        robot.interact(() -> h.window.select(id));
        until(() -> h.window.detailViewModel().recordProperty().get() != null
                && h.window.detailViewModel().recordProperty().get().id().equals(id)
                && h.window.detailViewModel().recordProperty().get().files().stream()
                        .noneMatch(f -> f.state() == ArchiveState.PENDING));
    }

    @Test
    void aBatchIsAContactSheetAndTheViewerWalksItsOutputsThenTheNextTask(FxRobot robot) throws Exception {
        TaskId kitchen = WindowHarness.demoId("kitchen-icons");
        selectArchived(robot, kitchen);
        assertThat(robot.lookup("#contact-sheet").tryQuery())
                .as("four outputs: a contact sheet, not four stacked cards")
                .isPresent();
        for (int i = 1; i <= 4; i++) {
            assertThat(robot.lookup("#sheet-tile-" + i).tryQuery()).isPresent();
        }

        robot.clickOn("#sheet-tile-2");
        until(() -> h.window.viewer() != null && h.window.viewer().isShowing());
        assertThat(h.window.viewer().current().file().index()).isEqualTo(2);
        assertThat(h.window.viewer().stage().getTitle())
                .as("the title says the prompt, not an id")
                .startsWith("isometric icon set");

        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        until(() -> h.window.viewer().current().file().index() == 3);
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        until(() -> !h.window.viewer().current().task().id().equals(kitchen));
        ViewerItem next = h.window.viewer().current();
        assertThat(next.file().index()).isEqualTo(1);
        until(() -> next.task().id().equals(h.window.detailViewModel().showing()));

        robot.press(KeyCode.LEFT).release(KeyCode.LEFT);
        until(() -> h.window.viewer().current().task().id().equals(kitchen)
                && h.window.viewer().current().file().index() == 4);

        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        until(() -> !h.window.viewer().isShowing());
    }

    @Test
    void enterOpensTheViewerAndSpaceIsAQuickLook(FxRobot robot) throws Exception {
        TaskId panda = WindowHarness.demoId("red-panda");
        selectArchived(robot, panda);
        ListView<TaskRecord> list = robot.lookup("#task-list").queryListView();
        robot.clickOn(list);
        robot.interact(() -> h.window.select(panda));
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        until(() -> h.window.viewer() != null && h.window.viewer().isShowing());
        assertThat(h.window.viewer().current().task().id()).isEqualTo(panda);
        assertThat(robot.lookup("#viewer-info-prompt").queryAs(Label.class).getText())
                .startsWith("a red panda");
        robot.press(KeyCode.DIGIT4).release(KeyCode.DIGIT4);
        until(() -> h.session
                .ledger()
                .find(panda)
                .map(r -> r.curation().stars() == 4)
                .orElse(false));
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        until(() -> !h.window.viewer().isShowing());

        robot.interact(() -> list.requestFocus());
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        until(() -> h.window.viewer().isShowing());
        assertThat(h.window.viewer().zoom()).as("fit never enlarges past 1:1").isLessThanOrEqualTo(1.0);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        until(() -> !h.window.viewer().isShowing());
    }

    @Test
    void selectingAnotherTaskStartsAtTheTopOfTheDetail(FxRobot robot) throws Exception {
        selectArchived(robot, WindowHarness.demoId("kitchen-icons"));
        ScrollPane detail = robot.lookup("#task-detail").queryAs(ScrollPane.class);
        robot.interact(() -> detail.setVvalue(1));
        assertThat(detail.getVvalue()).isEqualTo(1);
        selectArchived(robot, WindowHarness.demoId("red-panda"));
        assertThat(detail.getVvalue()).isZero();
    }

    @Test
    void aLostOutputSaysLostAndCannotBeDownloaded(FxRobot robot) throws Exception {
        TaskId poster = WindowHarness.demoId("shanghai-poster");
        selectArchived(robot, poster);
        until(() -> robot.lookup("#detail-state").queryAs(Label.class).getText().equals("Lost"));
        assertThat(robot.lookup("#download-1").queryAs(Button.class).isDisabled())
                .isTrue();
        assertThat(robot.lookup("#lost-why-1").queryAs(Label.class).getText())
                .contains("expired before it could be saved");
        // The sidebar's Lost view counts it too (the counts follow files saved and lost, not only reloads).
        until(() -> Integer.valueOf(1)
                .equals(h.window.listViewModel().countsProperty().get().get(StateFilter.LOST)));
    }

    @Test
    void aModerationFailureSaysWhatToDoNext(FxRobot robot) throws Exception {
        TaskId moderation = WindowHarness.demoId("moderation");
        until(() -> h.window.listViewModel().items().indexOf(moderation) >= 0);
        h.clock.advance(Duration.ofSeconds(30));
        robot.interact(() -> h.window.select(moderation));
        robot.press(KeyCode.F5).release(KeyCode.F5);
        until(() -> robot.lookup("#failure-advice").tryQuery().isPresent());
        assertThat(robot.lookup("#failure-message").queryAs(Label.class).getText())
                .contains("content moderation");
        assertThat(robot.lookup("#failure-advice").queryAs(Label.class).getText())
                .contains("rephrase the prompt");
    }

    @Test
    void filtersThatHideEverythingSaySoAndClearFiltersBringsTheTasksBack(FxRobot robot) throws Exception {
        until(() -> h.window.listViewModel().items().size() == h.demoIds().size());
        robot.interact(() -> h.window.listViewModel().searchProperty().set("no prompt says this zzqx"));
        until(() -> h.window.listViewModel().items().isEmpty());
        assertThat(robot.lookup("#empty-title").queryAs(Label.class).getText())
                .isEqualTo("No tasks match these filters");
        robot.clickOn("#clear-filters");
        until(() -> h.window.listViewModel().items().size() == h.demoIds().size());
        assertThat(h.window.listViewModel().filtered()).isFalse();
    }

    /** The "Finished" card about the ink-wash cabin (other demo tasks finish at the same time). */
    private static Node cabinCard(FxRobot robot) {
        return robot.lookup("#notification-finished").queryAll().stream()
                .filter(n -> ((Parent) n)
                        .lookupAll(".label").stream()
                                .anyMatch(l -> ((Label) l).getText().startsWith("水墨")))
                .findFirst()
                .orElse(null);
    }

    @Test
    void aTaskFinishingWhileWatchedRaisesACardThatSelectsIt(FxRobot robot) throws Exception {
        TaskId cabin = WindowHarness.demoId("ink-cabin");
        until(() -> h.session
                .ledger()
                .find(cabin)
                .map(r -> r.wasAnswered() && r.task().state().isActive())
                .orElse(false));
        h.clock.advance(Duration.ofMinutes(2));
        robot.interact(() -> h.window.listViewModel().reload());
        robot.press(KeyCode.F5).release(KeyCode.F5);
        until(() -> cabinCard(robot) != null);
        robot.clickOn(cabinCard(robot));
        until(() -> cabin.equals(h.window.detailViewModel().showing()));
    }

    @Test
    void tileThumbnailsAreKeptOnDiskSoTheNextStartDoesNotDecodeAgain(FxRobot robot) throws Exception {
        TaskId kitchen = WindowHarness.demoId("kitchen-icons");
        selectArchived(robot, kitchen);
        Path folder = h.session.paths().cache().resolve("thumbnails");
        until(() -> {
            if (!Files.isDirectory(folder)) {
                return false;
            }
            try (var all = Files.walk(folder)) {
                return all.filter(p -> p.toString().endsWith(".png")).count() >= 4;
            }
        });
        // A new start: the same thumbnail comes from the disk, not from the archived original.
        var fresh = new Thumbnails(10, new ThumbnailFolder(folder), new PosterFrames()::grab, UiExecutor.IMMEDIATE);
        var first = h.session.ledger().find(kitchen).orElseThrow().files().get(0);
        int px;
        try (var all = Files.walk(folder)) {
            String name = all.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(first.sha256Final() + "-"))
                    .findFirst()
                    .orElseThrow();
            px = Integer.parseInt(name.substring(first.sha256Final().length() + 1, name.length() - ".png".length()));
        }
        String url = WaitForAsyncUtils.asyncFx(
                        () -> fresh.of(first, px).orElseThrow().getUrl())
                .get();
        assertThat(Path.of(URI.create(url))).as("read from the disk cache").startsWith(folder);
    }

    @Test
    void anArchivedVideoShowsItsPosterFrameWithPlayerControlsAndATileWithItsLength(FxRobot robot) throws Exception {
        TaskId ramen = WindowHarness.demoId("ramen");
        selectArchived(robot, ramen);
        until(() -> robot.lookup("#poster-1")
                .tryQuery()
                .map(n -> ((ImageView) n).getImage())
                .filter(i -> i.getProgress() >= 1 && !i.isError() && i.getWidth() > 0)
                .isPresent());
        var poster = (ImageView) robot.lookup("#poster-1").query();
        assertThat(poster.getImage().getWidth() / poster.getImage().getHeight())
                .as("the video's own 16:9 frame")
                .isCloseTo(16 / 9.0, Offset.offset(0.05));
        assertThat(robot.lookup("#video-controls-1").tryQuery())
                .as("play, scrubber, time and mute under the picture")
                .isPresent();
        assertThat(robot.lookup("#video-play-1").tryQuery()).isPresent();
        var sha = h.session.ledger().find(ramen).orElseThrow().files().get(0).sha256Final();
        try (var all = Files.walk(h.session.paths().cache().resolve("thumbnails"))) {
            assertThat(all.map(p -> p.getFileName().toString()))
                    .as("the poster is kept for the next start")
                    .contains(sha + "-poster.png");
        }
        robot.interact(() -> h.window.list().gridModeProperty().set(true));
        until(() -> robot.lookup(".clip-badge").queryAll().stream().anyMatch(GalleryTest::onScreen));
        var badge = (Label) robot.lookup(".clip-badge").queryAll().stream()
                .filter(GalleryTest::onScreen)
                .findFirst()
                .orElseThrow();
        assertThat(badge.getText())
                .as("a tile says it is a clip, and how long the file is (its metadata says 5 s)")
                .isEqualTo("0:04");
    }

    @Test
    void theTopRowsDayIsInTheListsBandAndInTheGallerysPillCoveringNoRow(FxRobot robot) throws Exception {
        until(() -> h.window.listViewModel().items().size() == h.demoIds().size());
        until(() -> "Today".equals(robot.lookup("#day-band").queryLabeled().getText())
                && robot.lookup("#day-band").queryLabeled().isVisible());
        // The band sits above the rows: the list starts below it.
        assertThat(WaitForAsyncUtils.asyncFx(() -> {
                            Label band = robot.lookup("#day-band").queryAs(Label.class);
                            var list = h.window.list().list();
                            return band.localToScene(band.getLayoutBounds()).getMaxY()
                                    <= list.localToScene(list.getLayoutBounds()).getMinY() + 0.5;
                        })
                        .get())
                .as("the band covers no row")
                .isTrue();
        // Scrolled so that the top row is one without a heading: the band still says its day; no pill floats over the
        // rows.
        robot.interact(() -> ((VirtualFlow<?>) h.window.list().list().lookup(".virtual-flow")).scrollToTop(1));
        Thread.sleep(400);
        assertThat(robot.lookup("#day-band").queryLabeled().getText()).isEqualTo("Today");
        assertThat(WaitForAsyncUtils.asyncFx(() ->
                                robot.lookup("#date-header").queryLabeled().isVisible())
                        .get())
                .as("the list has its band; the pill would cover a row's text")
                .isFalse();
        // The gallery at the top: its first tile's chip says the day, so no pill covers the pictures.
        robot.interact(() -> h.window.list().list().scrollTo(0));
        robot.interact(() -> h.window.list().gridModeProperty().set(true));
        until(() -> tile(robot, 0) != null);
        Thread.sleep(400);
        assertThat(WaitForAsyncUtils.asyncFx(() ->
                                robot.lookup("#date-header").queryLabeled().isVisible())
                        .get())
                .as("the gallery's top row starts its day with a chip")
                .isFalse();
        // Ordered by stars, days do not group the tasks: no band and no pill.
        robot.interact(() -> h.window.listViewModel().sortProperty().set(LibraryFilter.Sort.STARS));
        robot.interact(() -> h.window.list().gridModeProperty().set(false));
        until(() -> !robot.lookup("#day-band").queryLabeled().isVisible());
        assertThat(WaitForAsyncUtils.asyncFx(() ->
                                robot.lookup("#date-header").queryLabeled().isVisible())
                        .get())
                .isFalse();
    }

    @Test
    void eachDayIsHeadedInTheListAndMarkedOnItsFirstTileAndNotWhenSortedByStars(FxRobot robot) throws Exception {
        until(() -> h.window.listViewModel().items().size() == h.demoIds().size());
        // The demo's tasks finish over the first seconds; the days are read once all have their generation time.
        until(() -> h.session
                .ledger()
                .find(WindowHarness.demoId("ramen"))
                .map(r -> r.task().times().created() != null)
                .orElse(false));
        robot.interact(() -> h.window.listViewModel().reload());
        until(() -> robot.lookup(".day-heading").queryAll().stream().anyMatch(Node::isVisible));
        List<String> expected = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        TreeMap<Integer, String> headings = new TreeMap<>();
        WaitForAsyncUtils.asyncFx(() -> {
                    ZoneId zone = ZoneId.systemDefault();
                    var items = h.window.listViewModel().items();
                    for (Node n : robot.lookup(".task-list .list-cell").queryAll()) {
                        @SuppressWarnings("unchecked")
                        var cell = (ListCell<TaskRecord>) n;
                        int i = cell.getIndex();
                        if (cell.getItem() == null || i < 0 || !cell.isVisible()) {
                            continue;
                        }
                        // Tasks the service has not dated yet come last, under one heading of their own.
                        Function<TaskRecord, LocalDate> dayOf = r -> r.task()
                                                .times()
                                                .created()
                                        == null
                                ? null
                                : r.task().times().created().atZone(zone).toLocalDate();
                        // The first row's day is the band's, above the list.
                        boolean starts =
                                i > 0 && !Objects.equals(dayOf.apply(items.get(i - 1)), dayOf.apply(cell.getItem()));
                        expected.add(i + ":" + starts);
                        Node heading = cell.lookup(".day-heading");
                        shown.add(i + ":" + (heading != null && heading.isVisible()));
                        if (heading != null && heading.isVisible()) {
                            headings.put(i, ((Label) heading).getText());
                        }
                    }
                })
                .get();
        assertThat(shown)
                .as("a heading above exactly the first row of each later day")
                .isEqualTo(expected)
                .contains("0:false");
        headings.put(-1, robot.lookup("#day-band").queryLabeled().getText());
        assertThat(headings.values())
                .as("each day once, newest first (the first in the band)")
                .startsWith("Today")
                .doesNotHaveDuplicates();

        robot.interact(() -> h.window.list().gridModeProperty().set(true));
        until(() -> robot.lookup(".tile-day").queryAll().stream().anyMatch(GalleryTest::onScreen));
        Set<String> marked = WaitForAsyncUtils.asyncFx(() -> robot.lookup(".tile-day").queryAll().stream()
                        .filter(GalleryTest::onScreen)
                        .map(n -> ((Label) n).getText())
                        .collect(Collectors.toSet()))
                .get();
        assertThat(marked)
                .as("the first tile of a day carries it")
                .contains("Today")
                .hasSizeGreaterThan(1);
        // Each day starts a row of its own: a tile that carries its day is the first of its row.
        until(() -> {
            var tiles = tiles(robot);
            double left = tiles.stream()
                    .mapToDouble(n -> n.localToScene(n.getBoundsInLocal()).getMinX())
                    .min()
                    .orElse(0);
            var dayFirst = tiles.stream()
                    .filter(n -> n.lookup(".tile-day") != null && onScreen(n.lookup(".tile-day")))
                    .toList();
            return dayFirst.size() > 1
                    && dayFirst.stream()
                            .allMatch(n -> Math.abs(
                                            n.localToScene(n.getBoundsInLocal()).getMinX() - left)
                                    < 1);
        });
        // Down from the first task of the second day (a short day: one row) goes to the row below, the first of the
        // third day.
        int[] starts = WaitForAsyncUtils.asyncFx(() -> {
                    ZoneId zone = ZoneId.systemDefault();
                    var items = h.window.listViewModel().items();
                    List<Integer> found = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        Instant t = items.get(i).task().times().created();
                        Instant before =
                                i == 0 ? null : items.get(i - 1).task().times().created();
                        if (i == 0
                                || t == null
                                || before == null
                                || !t.atZone(zone)
                                        .toLocalDate()
                                        .equals(before.atZone(zone).toLocalDate())) {
                            found.add(i);
                        }
                    }
                    return found.stream().mapToInt(Integer::intValue).toArray();
                })
                .get();
        assertThat(starts.length).as("the demo spans several days").isGreaterThan(2);
        robot.interact(() -> h.window.list().selectIndex(starts[1]));
        robot.interact(() -> h.window.list().grid().requestFocus());
        robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
        until(() -> h.window.list().list().getSelectionModel().getSelectedIndex() == starts[2]);

        robot.interact(() -> h.window.listViewModel().sortProperty().set(LibraryFilter.Sort.STARS));
        until(() -> robot.lookup(".tile-day").queryAll().stream().noneMatch(GalleryTest::onScreen));
        robot.interact(() -> h.window.list().gridModeProperty().set(false));
        until(() -> robot.lookup(".day-heading").queryAll().stream().noneMatch(Node::isVisible));
    }

    @Test
    void theGalleryIsJustifiedRowsFlushRightWithEachPictureAsWideAsItsShape(FxRobot robot) throws Exception {
        // The archiver notes each picture's pixels (the service does not say them for images).
        TaskId panda = WindowHarness.demoId("red-panda");
        selectArchived(robot, panda);
        var file = h.session.ledger().find(panda).orElseThrow().files().get(0);
        var header = ImageHeader.read(file.localPath()).orElseThrow();
        assertThat(new long[] {file.file().width(), file.file().height()})
                .as("the archived picture's own pixels")
                .containsExactly(header.width(), header.height());

        robot.interact(() -> h.window.listViewModel().reload());
        robot.interact(() -> h.window.list().gridModeProperty().set(true));
        robot.interact(() -> h.window.list().tileSizeProperty().set(160));
        until(() -> tiles(robot).size() >= 5);
        WaitForAsyncUtils.waitForFxEvents();
        var rows = WaitForAsyncUtils.asyncFx(() -> {
                    TreeMap<Double, List<double[]>> byRow = new TreeMap<>();
                    for (var t : tiles(robot)) {
                        var b = t.localToScene(t.getBoundsInLocal());
                        byRow.computeIfAbsent(b.getMinY(), y -> new ArrayList<>())
                                .add(new double[] {b.getMinX(), b.getWidth(), b.getHeight(), shape(t.task())});
                    }
                    return byRow;
                })
                .get();
        double right = rows.values().stream()
                .flatMap(List::stream)
                .mapToDouble(t -> t[0] + t[1])
                .max()
                .orElseThrow();
        double left = rows.values().stream()
                .flatMap(List::stream)
                .mapToDouble(t -> t[0])
                .min()
                .orElseThrow();
        int full = 0;
        for (var row : rows.values()) {
            row.sort(Comparator.comparingDouble(t -> t[0]));
            assertThat(row.get(0)[0]).as("each row starts at the left edge").isCloseTo(left, Offset.offset(0.5));
            assertThat(row)
                    .as("one height per row")
                    .allSatisfy(t -> assertThat(t[2]).isEqualTo(160.0));
            double[] last = row.get(row.size() - 1);
            if (Math.abs(last[0] + last[1] - right) < 0.5 && row.size() > 1) {
                full++;
                // Stretched alike: every tile's width over its picture's shape is the same.
                double stretch = row.get(0)[1] / (row.get(0)[3] * 160);
                assertThat(row)
                        .allSatisfy(t -> assertThat(t[1] / (t[3] * 160)).isCloseTo(stretch, Offset.offset(0.03)));
                assertThat(stretch).isBetween(0.7, 1.4);
            } else {
                // A day's last row keeps the pictures' natural widths.
                assertThat(row).allSatisfy(t -> assertThat(t[1]).isCloseTo(t[3] * 160, Offset.offset(1.5)));
            }
        }
        assertThat(full).as("at least one full row, flush with the right edge").isPositive();
    }

    /** A task's picture shape as the gallery takes it: the first output's pixels, else the aspect ratio asked for, else square. */
    private static double shape(TaskRecord r) {
        for (var f : r.files()) {
            if (f.file().width() != null
                    && f.file().height() != null
                    && f.file().height() > 0) {
                return Math.max(
                        0.5, Math.min(2.5, f.file().width() / (double) f.file().height()));
            }
        }
        float asked = TaskShapes.ratioOf(r.task().outputConfig().aspectRatio());
        return asked > 0 ? Math.max(0.5, Math.min(2.5, asked)) : 1;
    }

    @Test
    void anAbortedTaskIsHeadedAsStoppedNotFailed(FxRobot robot) throws Exception {
        TaskId sora = WindowHarness.demoId("sora-aborted");
        // The demo stops it after 5 s waiting and 15 s running: the test's clock moves past that.
        until(() -> h.window.listViewModel().items().indexOf(sora) >= 0);
        h.clock.advance(Duration.ofSeconds(25));
        robot.interact(() -> h.window.select(sora));
        robot.press(KeyCode.F5).release(KeyCode.F5);
        until(() -> robot.lookup("#failure-title").tryQuery().isPresent());
        assertThat(robot.lookup("#failure-title").queryLabeled().getText()).isEqualTo("This task was stopped");
        assertThat(robot.lookup("#detail-state").queryLabeled().getText()).isEqualTo("Stopped");
        assertThat(robot.lookup("#failure-message").tryQuery())
                .as("the title says it once; no second line saying it again")
                .isEmpty();
        assertThat(robot.lookup("#failure-advice").queryLabeled().getText())
                .isEqualTo("What to do: generate again if you still need it.");
        assertThat(robot.lookup("#error-box").query().getStyleClass())
                .as("drawn neutral, not as an error")
                .contains("stopped");
    }
}
