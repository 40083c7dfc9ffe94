package dev.aigcdesk.ui.tasklist;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskIdScan;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.AddResult;
import dev.aigcdesk.library.Ledger;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.ui.common.Desk;
import dev.aigcdesk.ui.common.UiExecutor;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The task list: what is shown (search and filters), paging from the ledger, adding and removing. */
public final class TaskListViewModel {

    /** What adding ids did, for the dialog and the status bar. */
    public record AddOutcome(int added, int present, int invalid, List<TaskId> addedIds) {
    }


    private final Desk desk;
    private final UiExecutor ui;
    private final LazyTaskList items;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<TaskState> stateFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<TaskKind> kindFilter = new SimpleObjectProperty<>();
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final StringProperty error = new SimpleStringProperty();
    private final ObjectProperty<Ledger.Removal> lastRemoved = new SimpleObjectProperty<>();
    private int reloadSequence;

    public TaskListViewModel(Desk desk, UiExecutor ui) {
        this.desk = desk;
        this.ui = ui;
        this.items = new LazyTaskList(this::loadPage);
        search.addListener((o, a, b) -> reload());
        stateFilter.addListener((o, a, b) -> reload());
        kindFilter.addListener((o, a, b) -> reload());
    }

    public LazyTaskList items() {
        return items;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<TaskState> stateFilterProperty() {
        return stateFilter;
    }

    public ObjectProperty<TaskKind> kindFilterProperty() {
        return kindFilter;
    }

    public IntegerProperty totalProperty() {
        return total;
    }

    /** A problem reading the library, in words; null when all is well. */
    public StringProperty errorProperty() {
        return error;
    }

    public TaskQuery query() {
        return new TaskQuery(search.get(), stateFilter.get() == null ? Set.of() : Set.of(stateFilter.get()),
                kindFilter.get() == null ? Set.of() : Set.of(kindFilter.get()), null, null, null, 0, LazyTaskList.PAGE);
    }

    /** Reads the first page and the count again; later answers win over earlier ones. */
    public void reload() {
        TaskQuery q = query();
        int seq = ++reloadSequence;
        ui.run(() -> new Object[] {desk.ledger().count(q), desk.ledger().list(q)}, r -> {
            if (seq != reloadSequence) {
                return;
            }
            @SuppressWarnings("unchecked")
            List<TaskRecord> first = (List<TaskRecord>) r[1];
            total.set((Integer) r[0]);
            error.set(null);
            items.reset((Integer) r[0], first);
        }, e -> error.set(e.getMessage()));
    }

    private void loadPage(int generation, int page) {
        TaskQuery q = query().page(page * LazyTaskList.PAGE, LazyTaskList.PAGE);
        ui.run(() -> desk.ledger().list(q), rows -> items.pageLoaded(generation, page, rows), e -> error.set(e.getMessage()));
    }

    /** A task changed (from the poller): update its row in place. */
    public void taskChanged(TaskRecord after) {
        if (items.replace(after) < 0 && after != null) {
            reload();
        }
    }

    /** Adds every task id found in any text; the result says how many were new, known and invalid. */
    public void addFromText(String text, Consumer<AddOutcome> done) {
        TaskIdScan scan = TaskIdScan.of(text);
        ui.run(() -> desk.ledger().add(scan.ids(), desk.clock().instant()), (AddResult r) -> {
            if (!r.added().isEmpty()) {
                reload();
                desk.wake();
            }
            done.accept(new AddOutcome(r.added().size(), r.alreadyPresent().size(), scan.invalid().size(), r.added()));
        }, e -> {
            error.set(e.getMessage());
            done.accept(new AddOutcome(0, 0, scan.invalid().size(), List.of()));
        });
    }

    /** The task last removed, until it is put back or forgotten: what Undo offers. */
    public ObjectProperty<Ledger.Removal> lastRemovedProperty() {
        return lastRemoved;
    }

    /** Removes a task in one transaction (its files stay); Undo can put it back. */
    public void remove(TaskId id, Runnable done) {
        ui.run(() -> desk.ledger().remove(id), r -> {
            r.ifPresent(lastRemoved::set);
            reload();
            done.run();
        }, e -> error.set(e.getMessage()));
    }

    /** Puts the last removed task back; returns its id, or null when there is nothing to undo. */
    public TaskId undoRemove() {
        Ledger.Removal removed = lastRemoved.get();
        if (removed == null) {
            return null;
        }
        lastRemoved.set(null);
        ui.run(() -> {
            desk.ledger().restore(removed.record(), removed.raw().latest(), removed.raw().firstFinish());
            return removed;
        }, r -> reload(), e -> error.set(e.getMessage()));
        return removed.record().id();
    }
}
