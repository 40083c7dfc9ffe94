package dev.aigcdesk.ui.tasklist;

import dev.aigcdesk.domain.Expiry;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.TaskRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the list shows first for a query: the total, the first page of rows and the keep-safe counts.
 * Read off the JavaFX thread; at start-up it is read while JavaFX itself starts, so the window's first
 * frame already has its rows.
 */
public record FirstPage(TaskQuery query, int total, List<TaskRecord> rows, Map<StateFilter, Integer> views) {

    public FirstPage {
        rows = List.copyOf(rows);
        views = Map.copyOf(views);
    }

    static FirstPage read(Library ledger, TaskQuery q, Instant riskBefore) throws LibraryException {
        return new FirstPage(q, ledger.count(q), ledger.list(q), keepSafe(ledger, riskBefore));
    }

    /** The keep-safe views' counts: lost, not saved yet, at risk. */
    static Map<StateFilter, Integer> keepSafe(Library ledger, Instant riskBefore) throws LibraryException {
        int[] kept = ledger.keepSafeCounts(riskBefore);
        Map<StateFilter, Integer> views = new EnumMap<>(StateFilter.class);
        views.put(StateFilter.LOST, kept[0]);
        views.put(StateFilter.NOT_SAVED, kept[1]);
        views.put(StateFilter.AT_RISK, kept[2]);
        return Map.copyOf(views);
    }

    /** The first page of a new window (no search, no filter, newest generated first). */
    public static FirstPage ofNewWindow(Library ledger, Clock clock) throws LibraryException {
        return read(ledger, TaskListViewModel.initialQuery(), Expiry.atRiskBefore(clock));
    }
}
