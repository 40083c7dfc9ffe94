package dev.aigcdesk.ui.tasklist;

import dev.aigcdesk.library.LibraryFilter;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.library.TaskShapes;
import dev.aigcdesk.ui.common.Words;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javafx.beans.value.ObservableValue;

/**
 * Where a day begins in the list: the heading ("Today", "Sat 28 Nov") of the first task of each day,
 * by the day the list is sorted on (generated or added). Sorted by stars there are no days to head.
 */
final class DayHeadings {

    private final LazyTaskList items;
    private final ObservableValue<LibraryFilter.Sort> sort;
    private final Words words;
    private final Clock clock;

    /** @param grouped whether the list is grouped by day now (not when ordered by stars or by a ranking) */
    private final BooleanSupplier grouped;

    DayHeadings(
            LazyTaskList items,
            ObservableValue<LibraryFilter.Sort> sort,
            BooleanSupplier grouped,
            Words words,
            Clock clock) {
        this.grouped = grouped;
        this.items = items;
        this.sort = sort;
        this.words = words;
        this.clock = clock;
    }

    /** The heading above the row at {@code index}, or null when it continues the day before it (or is not known yet). */
    String at(int index) {
        LibraryFilter.Sort by = sort.getValue();
        if (!grouped.getAsBoolean() || index < 0 || index >= items.size()) {
            return null;
        }
        TaskRecord here = items.get(index);
        if (here == null) {
            return null;
        }
        Instant when = by.dateOf(here);
        if (index > 0) {
            TaskRecord before = items.get(index - 1);
            // Its page is on its way; the row is drawn again when it arrives.
            if (before == null || words.sameDay(when, by.dateOf(before))) {
                return null;
            }
        }
        return words.day(when, clock.instant());
    }

    /** As {@link #at}, but none over the first row: the list's band says the top row's day. */
    String belowFirst(int index) {
        return index == 0 ? null : at(index);
    }

    /**
     * Where each day begins (task indices, the first 0) in a list of sort dates in epoch milliseconds,
     * {@link dev.aigcdesk.library.TaskShapes#UNDATED} where undated, days taken in {@code zone} (the
     * window's). Run off the JavaFX thread: 100k dates.
     */
    static int[] starts(long[] times, ZoneId zone) {
        int[] out = new int[times.length];
        int n = 0;
        LocalDate previous = null;
        for (int i = 0; i < times.length; i++) {
            LocalDate here = times[i] == TaskShapes.UNDATED
                    ? null
                    : Instant.ofEpochMilli(times[i]).atZone(zone).toLocalDate();
            if (i == 0 || !Objects.equals(previous, here)) {
                out[n++] = i;
            }
            previous = here;
        }
        return Arrays.copyOf(out, n);
    }
}
