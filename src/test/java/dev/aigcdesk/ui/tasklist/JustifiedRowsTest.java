package dev.aigcdesk.ui.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aigcdesk.domain.Reach;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.testing.Tasks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The gallery's justified rows: flush right edges, the pictures' shapes kept, each day starting a row. */
class JustifiedRowsTest {

    private static final float[] SHAPES = {1f, 16f / 9, 9f / 16, 4f / 3, 3f / 4, 21f / 9};

    private static float[] mixed(int n, long seed) {
        Random random = new Random(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = SHAPES[random.nextInt(SHAPES.length)];
        }
        return out;
    }

    @Test
    void fullRowsEndFlushAtTheRightEdgeAndKeepEachPicturesShape() {
        float[] ratios = mixed(2000, 7);
        JustifiedRows rows = JustifiedRows.of(ratios.length, ratios, new int[0], 1200, 180, 8);
        assertThat(rows.rows()).isGreaterThan(200);
        for (int r = 0; r < rows.rows(); r++) {
            double[][] t = rows.tiles(r);
            int n = t[0].length;
            assertThat(n).isPositive();
            assertThat(t[0][0]).isZero();
            for (int k = 1; k < n; k++) {
                assertThat(t[0][k] - (t[0][k - 1] + t[1][k - 1]))
                        .as("the gap in row %d", r)
                        .isCloseTo(8, within(1.0));
            }
            boolean last = r == rows.rows() - 1;
            if (!last) {
                assertThat(t[0][n - 1] + t[1][n - 1])
                        .as("row %d ends at the edge", r)
                        .isEqualTo(1200);
                // Every tile in a row is widened alike: the shapes are kept, up to the whole pixel.
                for (int k = 0; k < n; k++) {
                    double shape = ratios[rows.start(r) + k] * 180 * rows.stretch(r);
                    assertThat(t[1][k]).isCloseTo(shape, within(1.5));
                }
                assertThat(rows.stretch(r))
                        .as("row %d is stretched by little", r)
                        .isBetween(0.75f, 1.35f);
            } else {
                assertThat(t[0][n - 1] + t[1][n - 1])
                        .as("the last row keeps its natural widths")
                        .isLessThanOrEqualTo(1200);
                assertThat(rows.stretch(r)).isEqualTo(1f);
            }
        }
    }

    @Test
    void everyTaskIsInExactlyOneRowInOrder() {
        float[] ratios = mixed(5000, 11);
        JustifiedRows rows = JustifiedRows.of(ratios.length, ratios, new int[] {0, 3, 4, 100, 2500}, 900, 120, 8);
        int expected = 0;
        for (int r = 0; r < rows.rows(); r++) {
            assertThat(rows.start(r)).isEqualTo(expected);
            for (int t = rows.start(r); t < rows.end(r); t++) {
                assertThat(rows.rowOf(t)).isEqualTo(r);
            }
            expected = rows.end(r);
        }
        assertThat(expected).isEqualTo(5000);
    }

    @Test
    void eachDayStartsARowAndItsLastRowIsNotStretched() {
        float[] ratios = new float[9];
        Arrays.fill(ratios, 1f);
        // Today: 5 squares (a row holds 4 at 1000 px wide and 240 tall); yesterday: 2; then 1 and 1.
        JustifiedRows rows = JustifiedRows.of(9, ratios, new int[] {0, 5, 7, 8}, 1000, 240, 8);
        assertThat(rows.rows()).isEqualTo(5);
        assertThat(new int[] {rows.start(0), rows.start(1), rows.start(2), rows.start(3), rows.start(4)})
                .containsExactly(0, 4, 5, 7, 8);
        assertThat(rows.stretch(0)).as("four squares fill the row").isGreaterThan(1f);
        assertThat(rows.tiles(1)[1]).as("today's last square keeps its size").containsExactly(240.0);
        assertThat(rows.tiles(2)[1])
                .as("yesterday's two are not stretched across the row")
                .containsExactly(240.0, 240.0);
    }

    @Test
    void unknownShapesAreSquareAndExtremeOnesAreHeldIn() {
        JustifiedRows rows = JustifiedRows.of(3, new float[] {0f, 10f, 0.05f}, new int[] {0, 1, 2}, 2000, 100, 8);
        assertThat(rows.tiles(0)[1]).containsExactly(100.0);
        assertThat(rows.tiles(1)[1]).as("a panorama as wide as 2.5:1").containsExactly(250.0);
        assertThat(rows.tiles(2)[1]).as("a sliver as narrow as 1:2").containsExactly(50.0);

        JustifiedRows one = JustifiedRows.of(1, new float[] {2.5f}, new int[0], 200, 180, 8);
        assertThat(one.tiles(0)[1])
                .as("a picture wider than the row is narrowed to it")
                .containsExactly(200.0);
        assertThat(JustifiedRows.of(0, new float[0], new int[0], 800, 180, 8).rows())
                .isZero();
    }

    @Test
    void upAndDownAimForTheNearestTileInTheNextRow() {
        float[] ratios = {1f, 1f, 1f, 1f, 2f, 1f, 1f};
        JustifiedRows rows = JustifiedRows.of(ratios.length, ratios, new int[0], 430, 100, 10);
        // Row 0: four squares (0..3); row 1: a wide one and two squares.
        assertThat(rows.rowOf(4)).isEqualTo(1);
        assertThat(rows.nearest(1, rows.centre(0)))
                .as("under the first square, the wide one")
                .isEqualTo(4);
        assertThat(rows.nearest(1, rows.centre(3))).isEqualTo(6);
        assertThat(rows.nearest(0, rows.centre(5))).isEqualTo(2);
    }

    @Test
    void aTaskChangingInPlaceRedrawsOnlyItsRowAndANewListIsSquareUntilItsShapesAreRead() {
        List<TaskRecord> records = records(6);
        LazyTaskList items = new LazyTaskList((generation, page) -> {});
        items.reset(6, records);
        GalleryRows rows = new GalleryRows(items, 8);
        rows.setSize(500, 100);
        rows.setShapes(new float[] {2, 2, 1, 1, 1, 1}, new int[] {0, 2});
        assertThat(rows).as("two wide ones; then four squares").hasSize(2);
        assertThat(rows.layout().rowOf(3)).isEqualTo(1);
        List<Integer> updated = new ArrayList<>();
        rows.addListener((ListChangeListener<GalleryRows.Row>) c -> {
            while (c.next()) {
                if (c.wasUpdated()) {
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        updated.add(i);
                    }
                }
            }
        });
        GalleryRows.Row before = rows.get(1);
        items.replace(records(4).get(3));
        assertThat(updated).as("task 3 is in row 1").containsExactly(1);

        rows.setSize(300, 100);
        assertThat(rows.get(1)).as("a new layout: its rows are drawn again").isNotEqualTo(before);
        items.reset(3, records(3));
        assertThat(rows.layout().tasks()).isEqualTo(3);
        double[] widths = rows.layout().tiles(0)[1];
        assertThat(widths)
                .as("shapes not read yet: all alike (square, narrowed together to fit 300 px)")
                .hasSize(3);
        assertThat(widths[0]).isCloseTo(widths[1], within(1.0)).isCloseTo(widths[2], within(1.0));
    }

    private static List<TaskRecord> records(int n) {
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        List<TaskRecord> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new TaskRecord(
                    Tasks.task(Tasks.id(i), TaskState.SUCCEEDED, "p" + i, "GEM", now, List.of()),
                    now,
                    now,
                    Reach.REACHABLE,
                    null,
                    List.of()));
        }
        return out;
    }
}
