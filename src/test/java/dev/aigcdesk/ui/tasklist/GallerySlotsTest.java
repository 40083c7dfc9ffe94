package dev.aigcdesk.ui.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.testing.Tasks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The gallery's places: each day starts a row; the rest of a day's last row stays empty. */
class GallerySlotsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private static List<TaskRecord> records(int n) {
        List<TaskRecord> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new TaskRecord(Tasks.task(Tasks.id(i), TaskState.SUCCEEDED, "p" + i, "GEM", NOW, List.of()), NOW, NOW,
                    dev.aigcdesk.library.Reach.REACHABLE, null, List.of()));
        }
        return out;
    }

    @Test
    void daysStartRowsAndTheGapsAreEmptyPlaces() {
        List<TaskRecord> rows = records(9);
        LazyTaskList items = new LazyTaskList((generation, page) -> { });
        items.reset(9, rows);
        GallerySlots slots = new GallerySlots(items);
        assertThat(slots).as("no days known: the tasks in order").hasSize(9).containsExactlyElementsOf(rows);

        slots.setColumns(5);
        slots.setDays(new int[] {0, 5, 7, 8});
        // Today: 5 (one full row); yesterday: 2 + 3 empty; the day before: 1 + 4 empty; the last day: 1.
        assertThat(slots).hasSize(16);
        assertThat(slots.taskAt(4)).isEqualTo(4);
        assertThat(slots.taskAt(5)).isEqualTo(5);
        assertThat(slots.taskAt(7)).as("after yesterday's two").isEqualTo(-1);
        assertThat(slots.get(7)).isNull();
        assertThat(slots.taskAt(10)).isEqualTo(7);
        assertThat(slots.taskAt(15)).isEqualTo(8);
        assertThat(slots.slotOf(7)).isEqualTo(10);
        assertThat(slots.slotOf(8)).isEqualTo(15);
        assertThat(slots.get(10)).isSameAs(rows.get(7));

        slots.setColumns(3);
        // 5 -> two rows of 3; 2 -> one row; 1 -> one row; 1.
        assertThat(slots).hasSize(13);
        assertThat(slots.slotOf(5)).isEqualTo(6);
        assertThat(slots.slotOf(8)).isEqualTo(12);
    }

    @Test
    void aTaskChangingInPlaceRedrawsItsPlaceAndANewListForgetsTheDays() {
        List<TaskRecord> rows = records(4);
        LazyTaskList items = new LazyTaskList((generation, page) -> { });
        items.reset(4, rows);
        GallerySlots slots = new GallerySlots(items);
        slots.setColumns(4);
        slots.setDays(new int[] {0, 1});
        assertThat(slots.slotOf(1)).isEqualTo(4);
        List<Integer> updated = new ArrayList<>();
        slots.addListener((ListChangeListener<TaskRecord>) c -> {
            while (c.next()) {
                if (c.wasUpdated()) {
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        updated.add(i);
                    }
                }
            }
        });
        items.replace(records(2).get(1));
        assertThat(updated).as("task 1 lives at place 4").containsExactly(4);

        items.reset(3, records(3));
        assertThat(slots).as("a new list: plain order until its days are read").hasSize(3);
        assertThat(slots.slotOf(1)).isEqualTo(1);
    }
}
