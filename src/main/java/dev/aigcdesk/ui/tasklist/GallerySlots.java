package dev.aigcdesk.ui.tasklist;

import dev.aigcdesk.library.TaskRecord;
import java.util.Arrays;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableListBase;

/**
 * The gallery's places: the tasks in the list's order, each day starting a new row, so the days
 * read as groups. A place after a day's last task, up to the end of its row, is empty (null). With
 * no days known (sorted by stars, or not read yet) places and tasks are the same.
 */
final class GallerySlots extends ObservableListBase<TaskRecord> {

    private final LazyTaskList items;
    /** Task index where each day begins, ascending, the first 0; empty for "no days". */
    private int[] dayStarts = new int[0];
    /** The place where each day begins. */
    private int[] slotStarts = new int[0];
    private int columns = 1;
    private int size;
    /** The list's reset the places were laid out for. */
    private int generation;

    GallerySlots(LazyTaskList items) {
        this.items = items;
        size = items.size();
        generation = items.generation();
        items.addListener((ListChangeListener<TaskRecord>) this::itemsChanged);
    }

    /** Where the days begin (task indices) for the tasks listed now. */
    void setDays(int[] starts) {
        dayStarts = starts.clone();
        relayout();
    }

    /** Tasks per row in the gallery now. */
    void setColumns(int perRow) {
        if (perRow != columns) {
            columns = Math.max(1, perRow);
            relayout();
        }
    }

    @Override
    public TaskRecord get(int slot) {
        int i = taskAt(slot);
        return i < 0 ? null : items.get(i);
    }

    @Override
    public int size() {
        return size;
    }

    /** The task at a place, or -1 for an empty place. */
    int taskAt(int slot) {
        if (!usable()) {
            return slot;
        }
        int g = group(slotStarts, slot);
        int offset = slot - slotStarts[g];
        return offset < length(g) ? dayStarts[g] + offset : -1;
    }

    /** The place of a task. */
    int slotOf(int task) {
        if (!usable() || task < 0) {
            return task;
        }
        int g = group(dayStarts, task);
        return slotStarts[g] + task - dayStarts[g];
    }

    private boolean usable() {
        return dayStarts.length > 1 && dayStarts[dayStarts.length - 1] < items.size();
    }

    private int length(int g) {
        return (g + 1 < dayStarts.length ? dayStarts[g + 1] : items.size()) - dayStarts[g];
    }

    private static int group(int[] starts, int at) {
        int g = Arrays.binarySearch(starts, at);
        return g >= 0 ? g : -g - 2;
    }

    private void relayout() {
        int newSize = items.size();
        if (usable()) {
            slotStarts = new int[dayStarts.length];
            int place = 0;
            for (int g = 0; g < dayStarts.length; g++) {
                slotStarts[g] = place;
                int n = length(g);
                place += g + 1 < dayStarts.length ? (n + columns - 1) / columns * columns : n;
            }
            newSize = place;
        }
        replaceAll(newSize);
    }

    private void replaceAll(int newSize) {
        beginChange();
        if (size > 0) {
            nextRemove(0, new java.util.ArrayList<>(java.util.Collections.nCopies(size, (TaskRecord) null)));
        }
        size = newSize;
        if (size > 0) {
            nextAdd(0, size);
        }
        endChange();
    }

    private void itemsChanged(ListChangeListener.Change<? extends TaskRecord> c) {
        boolean structural = items.generation() != generation;
        java.util.List<Integer> touched = new java.util.ArrayList<>();
        while (c.next() && !structural) {
            // A page arriving or a task changing in place (set): the places stay, the tile is drawn again.
            for (int i = c.getFrom(); i < c.getTo(); i++) {
                touched.add(i);
            }
        }
        if (structural) {
            generation = items.generation();
            // A new query: its days are read again; until then, the tasks in plain order.
            dayStarts = new int[0];
            relayout();
            return;
        }
        if (!touched.isEmpty()) {
            beginChange();
            for (int i : touched) {
                int slot = slotOf(i);
                if (slot >= 0 && slot < size) {
                    nextUpdate(slot);
                }
            }
            endChange();
        }
    }
}
