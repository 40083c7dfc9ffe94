package dev.aigcdesk.ui.tasklist;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.TaskRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.collections.ObservableListBase;

/**
 * A list of the ledger's size whose rows are fetched a page at a time, only when a cell asks for
 * them. A row not loaded yet reads as null (a placeholder cell) and arrives as an update, so 100k
 * tasks cost what the visible ones cost.
 */
public final class LazyTaskList extends ObservableListBase<TaskRecord> {

    static final int PAGE = 200;
    /** Pages kept in memory: the ones around the view; scrolling through 100k tasks must not keep them all. */
    static final int MAX_PAGES = 20;

    private final BiConsumer<Integer, Integer> pageLoader;
    /** Least recently read first; the oldest page is let go (and asked for again if it is scrolled back to). */
    private final Map<Integer, List<TaskRecord>> pages = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<TaskRecord>> eldest) {
            if (size() > MAX_PAGES) {
                requested.remove(eldest.getKey());
                return true;
            }
            return false;
        }
    };

    private final Set<Integer> requested = new HashSet<>();
    private int size;
    private int generation;
    private Runnable beforeReset = () -> {};

    /** {@code pageLoader} is asked for (generation, page) and must answer with {@link #pageLoaded}. */
    public LazyTaskList(BiConsumer<Integer, Integer> pageLoader) {
        this.pageLoader = pageLoader;
    }

    @Override
    public TaskRecord get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int page = index / PAGE;
        List<TaskRecord> rows = pages.get(page);
        if (rows == null) {
            if (requested.add(page)) {
                pageLoader.accept(generation, page);
            }
            return null;
        }
        int i = index % PAGE;
        return i < rows.size() ? rows.get(i) : null;
    }

    @Override
    public int size() {
        return size;
    }

    /** Starts over with a new total (a new search, or tasks added), keeping the first page if given. */
    public void reset(int newSize, List<TaskRecord> firstPage) {
        beforeReset.run();
        generation++;
        pages.clear();
        requested.clear();
        if (firstPage != null) {
            pages.put(0, List.copyOf(firstPage));
            requested.add(0);
        }
        beginChange();
        int old = size;
        size = newSize;
        if (old > 0) {
            nextRemove(0, new ArrayList<>(Collections.nCopies(old, (TaskRecord) null)));
        }
        if (newSize > 0) {
            nextAdd(0, newSize);
        }
        endChange();
    }

    /** Counts the resets (new searches, tasks added): a change under a new count is a new list. */
    public int generation() {
        return generation;
    }

    /** Told just before every reset, so a view can keep its selection through it. */
    public void setBeforeReset(Runnable r) {
        this.beforeReset = r;
    }

    /** A page arrived; ignored when a newer reset has happened since it was asked for. */
    public void pageLoaded(int forGeneration, int page, List<TaskRecord> rows) {
        if (forGeneration != generation) {
            return;
        }
        pages.put(page, List.copyOf(rows));
        int from = page * PAGE;
        // One past the page too: the next page's first row heads a day or not by this page's last row.
        int to = Math.min(size, from + rows.size() + 1);
        if (from < to) {
            beginChange();
            for (int i = from; i < to; i++) {
                nextUpdate(i);
            }
            endChange();
        }
    }

    /** A task changed: if its row is loaded, it is replaced in place. Returns its index, or -1. */
    public int replace(TaskRecord updated) {
        for (Map.Entry<Integer, List<TaskRecord>> e : pages.entrySet()) {
            List<TaskRecord> rows = e.getValue();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i) != null && rows.get(i).id().equals(updated.id())) {
                    List<TaskRecord> copy = new ArrayList<>(rows);
                    copy.set(i, updated);
                    e.setValue(copy);
                    int index = e.getKey() * PAGE + i;
                    beginChange();
                    nextSet(index, rows.get(i));
                    endChange();
                    return index;
                }
            }
        }
        return -1;
    }

    /** The index of a loaded task, or -1. */
    public int indexOf(TaskId id) {
        for (Map.Entry<Integer, List<TaskRecord>> e : pages.entrySet()) {
            List<TaskRecord> rows = e.getValue();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i) != null && rows.get(i).id().equals(id)) {
                    return e.getKey() * PAGE + i;
                }
            }
        }
        return -1;
    }
}
