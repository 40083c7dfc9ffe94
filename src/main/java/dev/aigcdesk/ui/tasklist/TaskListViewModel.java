package dev.aigcdesk.ui.tasklist;

import dev.aigcdesk.domain.Expiry;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskIdScan;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.library.AddResult;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.LibraryFilter;
import dev.aigcdesk.library.Removal;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.library.TaskShapes;
import dev.aigcdesk.ui.common.UiExecutor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The task list: what is shown (search and filters), paging from the ledger, adding and removing. */
public final class TaskListViewModel {

    /** What adding ids did, for the dialog and the status bar. */
    public record AddOutcome(int added, int present, int invalid, List<TaskId> addedIds) {}

    private final Library ledger;
    private final Clock clock;
    private final Runnable wake;
    private final Function<Throwable, String> say;
    private final UiExecutor ui;
    private final LazyTaskList items;
    private final FilterViewModel filters;
    private final ObjectProperty<Map<StateFilter, Integer>> counts = new SimpleObjectProperty<>(Map.of());
    private final IntegerProperty loads = new SimpleIntegerProperty();
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final StringProperty error = new SimpleStringProperty();
    private final ObjectProperty<List<Removal>> lastRemoved = new SimpleObjectProperty<>();
    private int reloadSequence;
    private CompletableFuture<FirstPage> primed;

    /**
     * @param wake asks the service now (after an add)
     * @param say  a failure in the window's words
     */
    public TaskListViewModel(
            Library ledger, Clock clock, Runnable wake, Function<Throwable, String> say, UiExecutor ui) {
        this.ledger = ledger;
        this.clock = clock;
        this.wake = wake;
        this.say = say;
        this.ui = ui;
        this.items = new LazyTaskList(this::loadPage);
        this.filters = new FilterViewModel(clock);
        filters.filterProperty().addListener((o, a, b) -> reload());
        wantShape.addListener((o, a, b) -> readShape());
    }

    public LazyTaskList items() {
        return items;
    }

    /** What the list is filtered by: the one filter the toolbar and the sidebar change. */
    public FilterViewModel filters() {
        return filters;
    }

    public StringProperty searchProperty() {
        return filters.searchProperty();
    }

    /** A model name (GEM) or name and version ("GEM 2.5"), or null for any. */
    public StringProperty modelFilterProperty() {
        return filters.modelProperty();
    }

    /** The list's order: when generated (default) or when added. */
    public ObjectProperty<LibraryFilter.Sort> sortProperty() {
        return filters.sortProperty();
    }

    /** How many tasks each counted view holds (lost, not saved yet, at risk), as of the last reload. */
    public ObjectProperty<Map<StateFilter, Integer>> countsProperty() {
        return counts;
    }

    /** Clears search and filters: the "Clear filters" of an empty list. */
    public void clearFilters() {
        filters.clear();
    }

    /** Whether anything narrows the list now. */
    public boolean filtered() {
        return filters.narrows();
    }

    public ObjectProperty<StateFilter> stateFilterProperty() {
        return filters.stateProperty();
    }

    public ObjectProperty<TaskKind> kindFilterProperty() {
        return filters.kindProperty();
    }

    public IntegerProperty totalProperty() {
        return total;
    }

    /** A problem reading the library, in words; null when all is well. */
    public StringProperty errorProperty() {
        return error;
    }

    public TaskQuery query() {
        return new TaskQuery(filters.get(), 0, LazyTaskList.PAGE);
    }

    private Instant atRiskBefore() {
        return Expiry.atRiskBefore(clock);
    }

    /** What {@link #query} is in a new window, before anything is typed or chosen. */
    static TaskQuery initialQuery() {
        return new TaskQuery(LibraryFilter.NONE, 0, LazyTaskList.PAGE);
    }

    /**
     * A first page being read ahead (it started while JavaFX did): the next reload, if it is for the same
     * query, shows it when it arrives (at once, if it has) instead of reading it again.
     */
    public void prime(CompletableFuture<FirstPage> page) {
        this.primed = page;
    }

    /** Counts finished loads of the first page (successful or not): the window waits for the first before it starts anything else. */
    public ReadOnlyIntegerProperty loadsProperty() {
        return loads;
    }

    /** Reads the first page and the count again; later answers win over earlier ones. */
    public void reload() {
        reload(() -> {});
    }

    /** As {@link #reload()}, then {@code done} (on the UI thread) once this read is shown or has failed. */
    private void reload(Runnable done) {
        TaskQuery q = query();
        int seq = ++reloadSequence;
        CompletableFuture<FirstPage> ahead = primed;
        primed = null;
        if (ahead != null && q.equals(initialQuery())) {
            ahead.whenComplete((page, failed) -> ui.onUi(() -> {
                if (seq != reloadSequence) {
                    done.run();
                    return;
                }
                if (page != null) {
                    show(page);
                    done.run();
                } else {
                    reloadSequence--; // the read-ahead failed: read it the usual way
                    reload(done);
                }
            }));
            return;
        }
        Instant risk = atRiskBefore();
        ui.run(
                () -> FirstPage.read(ledger, q, risk),
                read -> {
                    if (seq == reloadSequence) {
                        show(read);
                    }
                    done.run();
                },
                e -> {
                    error.set(say.apply(e));
                    loads.set(loads.get() + 1);
                    done.run();
                });
    }

    /** A reorder is being read; another asked for meanwhile is read once after it, however many were asked. */
    private boolean reordering;

    private boolean reorderAgain;

    private void reorder() {
        if (reordering) {
            reorderAgain = true;
            return;
        }
        reordering = true;
        reload(() -> {
            reordering = false;
            if (reorderAgain) {
                reorderAgain = false;
                reorder();
            }
        });
    }

    /** Reads the keep-safe counts again (a file was saved or lost) without reloading the rows. */
    public void recount() {
        Instant risk = atRiskBefore();
        ui.run(() -> FirstPage.keepSafe(ledger, risk), counts::set, e -> error.set(say.apply(e)));
    }

    private void show(FirstPage page) {
        counts.set(page.views());
        total.set(page.total());
        error.set(null);
        items.reset(page.total(), page.rows());
        loads.set(loads.get() + 1);
        if (wantShape.get()) {
            // The first page is laid out from its own rows at once; every task's shape follows from a read of them all.
            // The layout is made row by row from the top, so the rows on screen stay where they are when it comes.
            shape.set(galleryShape(
                    TaskShapes.of(page.rows(), page.query().sort()),
                    page.query().filter()));
        }
        readShape();
    }

    private final BooleanProperty wantShape = new SimpleBooleanProperty(false);
    private final ObjectProperty<GalleryShape> shape = new SimpleObjectProperty<>(GalleryShape.NONE);

    /** Set while the gallery shows: it lays its rows out by every task's shape and day, not only the loaded pages'. */
    public BooleanProperty wantShapeProperty() {
        return wantShape;
    }

    /** The listed tasks' shapes and where each day begins; {@link GalleryShape#NONE} when the gallery does not show. */
    public ReadOnlyObjectProperty<GalleryShape> shapeProperty() {
        return shape;
    }

    /** Every listed task's shape and date, the dates grouped by day in the window's zone: work for a worker thread, 100k tasks. */
    private GalleryShape shapeOf(TaskQuery q) throws LibraryException {
        return galleryShape(ledger.shapes(q), q.filter());
    }

    private GalleryShape galleryShape(TaskShapes read, LibraryFilter filter) {
        int[] days = filter.groupsByDay() ? DayHeadings.starts(read.times(), clock.getZone()) : new int[0];
        return new GalleryShape(read.ratios(), days);
    }

    /** While held, every task's shape is not read (a page's own is still laid out): the window's first frame comes first. */
    public void holdShapes(boolean hold) {
        boolean was = shapesHeld;
        shapesHeld = hold;
        if (was && !hold) {
            readShape();
        }
    }

    private boolean shapesHeld;

    private void readShape() {
        TaskQuery q = query();
        if (!wantShape.get()) {
            shape.set(GalleryShape.NONE);
            return;
        }
        if (shapesHeld) {
            return;
        }
        int generation = items.generation();
        ui.run(
                () -> shapeOf(q),
                read -> {
                    if (generation == items.generation()) {
                        shape.set(read);
                    }
                },
                e -> error.set(say.apply(e)));
    }

    private void loadPage(int generation, int page) {
        TaskQuery q = query().page(page * LazyTaskList.PAGE, LazyTaskList.PAGE);
        ui.run(() -> ledger.list(q), rows -> items.pageLoaded(generation, page, rows), e -> error.set(say.apply(e)));
    }

    /** A task changed (from the poller): update its row in place. */
    public void taskChanged(TaskRecord after) {
        int at = after == null ? -1 : items.indexOf(after.id());
        TaskRecord before = at >= 0 ? items.get(at) : null;
        if (before != null && !sortsAlike(before, after)) {
            // Its place in the order changed (the service dated it, its stars changed): read the order again,
            // once for a burst of such changes (500 pasted ids dated by one refresh), not once each.
            reorder();
            return;
        }
        if (items.replace(after) < 0 && after != null) {
            reload();
        }
    }

    private boolean sortsAlike(TaskRecord a, TaskRecord b) {
        LibraryFilter.Sort by = filters.sortProperty().get();
        return Objects.equals(by.dateOf(a), by.dateOf(b))
                && (by != LibraryFilter.Sort.STARS
                        || a.curation().stars() == b.curation().stars());
    }

    /** Adds every task id found in any text; the result says how many were new, known and invalid. */
    public void addFromText(String text, Consumer<AddOutcome> done) {
        TaskIdScan scan = TaskIdScan.of(text);
        ui.run(
                () -> ledger.add(scan.ids(), clock.instant()),
                (AddResult r) -> {
                    if (!r.added().isEmpty()) {
                        reload();
                        wake.run();
                    }
                    done.accept(new AddOutcome(
                            r.added().size(),
                            r.alreadyPresent().size(),
                            scan.invalid().size(),
                            r.added()));
                },
                e -> {
                    error.set(say.apply(e));
                    done.accept(new AddOutcome(0, 0, scan.invalid().size(), List.of()));
                });
    }

    /** The tasks last removed, until they are put back or forgotten: what Undo offers. */
    public ObjectProperty<List<Removal>> lastRemovedProperty() {
        return lastRemoved;
    }

    /** Removes one task (its files stay); Undo can put it back. */
    public void remove(TaskId id, Runnable done) {
        remove(List.of(id), done);
    }

    /** Removes tasks in one transaction (their files stay); Undo puts them all back. */
    public void remove(List<TaskId> ids, Runnable done) {
        ui.run(
                () -> ledger.removals().removeAll(ids),
                r -> {
                    if (!r.isEmpty()) {
                        lastRemoved.set(r);
                    }
                    reload();
                    done.run();
                },
                e -> error.set(say.apply(e)));
    }

    /** Puts the last removed tasks back; returns the first one's id, or null when there is nothing to undo. */
    public TaskId undoRemove() {
        List<Removal> removed = lastRemoved.get();
        if (removed == null || removed.isEmpty()) {
            return null;
        }
        lastRemoved.set(null);
        ui.run(
                () -> {
                    for (Removal r : removed) {
                        ledger.removals().restore(r);
                    }
                    return removed;
                },
                r -> reload(),
                e -> error.set(say.apply(e)));
        return removed.get(0).record().id();
    }
}
