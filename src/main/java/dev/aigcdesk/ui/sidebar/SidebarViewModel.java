package dev.aigcdesk.ui.sidebar;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.Curator;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.sync.ArchiveExport;
import dev.aigcdesk.ui.common.Desk;
import dev.aigcdesk.ui.common.UiExecutor;
import dev.aigcdesk.ui.tasklist.TaskListViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The organizing layer: the sidebar's collections and tags with their counts, and the changes a
 * designer makes to the selection (stars, tags, collections), each one transaction in the library.
 */
public final class SidebarViewModel {

    private final Desk desk;
    private final UiExecutor ui;
    private final TaskListViewModel list;
    private final ObjectProperty<List<Curator.Named>> collections = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<Curator.Named>> tags = new SimpleObjectProperty<>(List.of());
    private final IntegerProperty starred = new SimpleIntegerProperty();
    private final StringProperty error = new SimpleStringProperty();
    private Runnable onChanged = () -> {};
    /** The shelf chosen in the sidebar (starred, a collection, a tag), before the output filters are added. */
    private TaskQuery.Shelf view = TaskQuery.Shelf.ANY;

    private final StringProperty model = new SimpleStringProperty();
    private final StringProperty aspect = new SimpleStringProperty();
    private final StringProperty resolution = new SimpleStringProperty();
    private final ObjectProperty<List<List<String>>> choices =
            new SimpleObjectProperty<>(List.of(List.of(), List.of(), List.of()));

    public SidebarViewModel(Desk desk, UiExecutor ui, TaskListViewModel list) {
        this.desk = desk;
        this.ui = ui;
        this.list = list;
        model.addListener((o, a, b) -> list.modelFilterProperty().set(b));
        aspect.addListener((o, a, b) -> apply());
        resolution.addListener((o, a, b) -> apply());
        // "Clear filters" from the list clears these too.
        list.shelfProperty().addListener((o, a, b) -> {
            if (TaskQuery.Shelf.ANY.equals(b)) {
                view = TaskQuery.Shelf.ANY;
                aspect.set(null);
                resolution.set(null);
            }
        });
        list.modelFilterProperty().addListener((o, a, b) -> model.set(b));
    }

    /** The model, aspect ratio and resolution filters (null for any). */
    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty aspectProperty() {
        return aspect;
    }

    public StringProperty resolutionProperty() {
        return resolution;
    }

    /** What the three filters offer: the models, aspect ratios and resolutions in the library. */
    public ObjectProperty<List<List<String>>> choicesProperty() {
        return choices;
    }

    private void show(TaskQuery.Shelf v) {
        view = v;
        apply();
    }

    private void apply() {
        list.shelfProperty().set(view.withShape(aspect.get(), resolution.get()));
    }

    public ObjectProperty<List<Curator.Named>> collectionsProperty() {
        return collections;
    }

    public ObjectProperty<List<Curator.Named>> tagsProperty() {
        return tags;
    }

    public IntegerProperty starredProperty() {
        return starred;
    }

    /** Called after each change, so the detail on screen shows it. */
    public void setOnChanged(Runnable r) {
        this.onChanged = r;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** Reads the collections, the tags and the starred count again. */
    public void refresh() {
        ui.run(
                () -> new Object[] {
                    desk.ledger().curator().collections(),
                    desk.ledger().curator().tags(),
                    desk.ledger().count(TaskQuery.ALL.onShelf(new TaskQuery.Shelf(Set.of(), 1, null))),
                    List.of(
                            desk.ledger().distinct(Library.Facet.MODEL),
                            desk.ledger().distinct(Library.Facet.ASPECT_RATIO),
                            desk.ledger().distinct(Library.Facet.RESOLUTION))
                },
                r -> {
                    @SuppressWarnings("unchecked")
                    List<Curator.Named> c = (List<Curator.Named>) r[0];
                    @SuppressWarnings("unchecked")
                    List<Curator.Named> t = (List<Curator.Named>) r[1];
                    collections.set(c);
                    tags.set(t);
                    starred.set((Integer) r[2]);
                    @SuppressWarnings("unchecked")
                    List<List<String>> offered = (List<List<String>>) r[3];
                    choices.set(offered);
                },
                e -> error.set(desk.say(e)));
    }

    /** Keys 0–5 on the selection. */
    public void rate(List<TaskId> ids, int stars) {
        change(() -> desk.ledger().curator().rate(ids, stars));
    }

    /** T on the selection. */
    public void tag(List<TaskId> ids, String tag) {
        change(() -> desk.ledger().curator().tag(ids, List.of(tag), List.of()));
    }

    public void addToCollection(String name, List<TaskId> ids) {
        change(() -> desk.ledger().curator().addToCollection(name, ids));
    }

    /** Copies the selected tasks' archived outputs (and sidecars) into a folder, never overwriting; says how it went. */
    public void exportFiles(List<TaskRecord> tasks, Path folder, Consumer<String> said) {
        ui.run(
                () -> ArchiveExport.copy(tasks, folder),
                r -> said.accept(r.copied() + " / " + r.skipped()),
                e -> error.set(desk.say(e)));
    }

    /** "Archive now": a pass that saves what waits, without waiting for its backoff. */
    public void archiveNow() {
        desk.wake();
    }

    /** Shows everything again. */
    public void showAll() {
        list.clearFilters();
    }

    public void showStarred() {
        show(new TaskQuery.Shelf(Set.of(), 1, null));
    }

    public void showCollection(String name) {
        show(new TaskQuery.Shelf(Set.of(), 0, name));
    }

    public void showTag(String tag) {
        show(new TaskQuery.Shelf(Set.of(tag), 0, null));
    }

    private void change(Callable<List<TaskId>> work) {
        ui.run(
                work,
                unknown -> {
                    list.reload();
                    refresh();
                    onChanged.run();
                },
                e -> error.set(desk.say(e)));
    }
}
