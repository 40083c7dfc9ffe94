package dev.aigcdesk.ui.sidebar;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.Facets;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.sync.ArchiveExport;
import dev.aigcdesk.ui.common.UiExecutor;
import dev.aigcdesk.ui.tasklist.TaskListViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The organizing layer: the sidebar's collections and tags with their counts, and the changes a
 * designer makes to the selection (stars, tags, collections), each one transaction in the library.
 */
public final class SidebarViewModel {

    private final Library ledger;
    private final Runnable wake;
    private final Function<Throwable, String> say;
    private final UiExecutor ui;
    private final TaskListViewModel list;
    private final ObjectProperty<Facets> facets = new SimpleObjectProperty<>(Facets.NONE);
    private final StringProperty error = new SimpleStringProperty();
    private Runnable onChanged = () -> {};

    public SidebarViewModel(
            Library ledger, Runnable wake, Function<Throwable, String> say, UiExecutor ui, TaskListViewModel list) {
        this.ledger = ledger;
        this.wake = wake;
        this.say = say;
        this.ui = ui;
        this.list = list;
    }

    /** The model, aspect ratio and resolution filters (null for any). */
    public StringProperty modelProperty() {
        return list.filters().modelProperty();
    }

    public StringProperty aspectProperty() {
        return list.filters().aspectProperty();
    }

    public StringProperty resolutionProperty() {
        return list.filters().resolutionProperty();
    }

    /** What the sidebar offers, with its counts: collections, tags, starred, and each filter's values. */
    public ObjectProperty<Facets> facetsProperty() {
        return facets;
    }

    /** Called after each change, so the detail on screen shows it. */
    public void setOnChanged(Runnable r) {
        this.onChanged = r;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** Reads the collections, the tags, the starred count and the filters' values again. */
    public void refresh() {
        ui.run(() -> ledger.facets(), facets::set, e -> error.set(say.apply(e)));
    }

    /** Keys 0–5 on the selection. */
    public void rate(List<TaskId> ids, int stars) {
        change(() -> ledger.curator().rate(ids, stars));
    }

    /** T on the selection. */
    public void tag(List<TaskId> ids, String tag) {
        change(() -> ledger.curator().tag(ids, List.of(tag), List.of()));
    }

    public void addToCollection(String name, List<TaskId> ids) {
        change(() -> ledger.curator().addToCollection(name, ids));
    }

    /** Copies the selected tasks' archived outputs (and sidecars) into a folder, never overwriting; says how it went. */
    public void exportFiles(List<TaskRecord> tasks, Path folder, Consumer<String> said) {
        ui.run(
                () -> ArchiveExport.copy(tasks, folder),
                r -> said.accept(r.copied() + " / " + r.skipped()),
                e -> error.set(say.apply(e)));
    }

    /** "Archive now": a pass that saves what waits, without waiting for its backoff. */
    public void archiveNow() {
        wake.run();
    }

    /** Shows everything again. */
    public void showAll() {
        list.clearFilters();
    }

    public void showStarred() {
        list.filters().showStarred();
    }

    public void showCollection(String name) {
        list.filters().showCollection(name);
    }

    public void showTag(String tag) {
        list.filters().showTag(tag);
    }

    private void change(Callable<List<TaskId>> work) {
        ui.run(
                work,
                unknown -> {
                    list.reload();
                    refresh();
                    onChanged.run();
                },
                e -> error.set(say.apply(e)));
    }
}
