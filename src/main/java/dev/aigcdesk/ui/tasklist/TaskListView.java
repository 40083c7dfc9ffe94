package dev.aigcdesk.ui.tasklist;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.LibraryFilter;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.ui.common.Words;
import dev.aigcdesk.ui.preview.Thumbnails;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The task list, as rows or as a grid of thumbnails. Both views are virtualized over the lazy list. */
public final class TaskListView extends StackPane {

    private final ListView<TaskRecord> list;
    private final ListView<GalleryRows.Row> grid;
    private final TaskGrid taskGrid;
    private Consumer<TaskRecord> onOpen = r -> {};
    private Runnable onQuickLook = () -> {};
    private final BooleanProperty gridMode = new SimpleBooleanProperty(false);
    private final ObjectProperty<TaskRecord> selected = new SimpleObjectProperty<>();
    private TaskId keep;
    private boolean resetting;

    public TaskListView(TaskListViewModel vm, Words words, Thumbnails thumbnails, Clock clock) {
        list = new ListView<>(vm.items());
        list.setId("task-list");
        list.getStyleClass().add("task-list");
        days = new DayHeadings(
                vm.items(), vm.sortProperty(), () -> vm.filters().get().groupsByDay(), words, clock);
        // The first row's day is the band's to say (see dayBand); the rows below head their own days.
        list.setCellFactory(v -> new TaskCell(words, thumbnails, clock, days::belowFirst));
        // No fixed cell size: the first row of each day is taller by its heading.
        vm.sortProperty().addListener((o, a, b) -> list.refresh());
        // Several at once (Shift, Ctrl, Ctrl+A) for stars, tags, collections and removal; the detail shows the last one
        // picked.
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setOnDragDetected(e -> {
            List<TaskRecord> picked = selection();
            if (picked.isEmpty()) {
                return;
            }
            var db = list.startDragAndDrop(TransferMode.COPY, TransferMode.LINK);
            ClipboardContent c = new ClipboardContent();
            c.putString(DRAG_MARKER
                    + String.join("\n", picked.stream().map(r -> r.id().value()).toList()));
            db.setContent(c);
            e.consume();
        });
        list.setAccessibleText(words.i18n().get("app.title"));
        list.setPlaceholder(EmptyList.of(vm, words));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                keep = b.id();
                selected.set(b);
            } else if (!resetting) {
                keep = null;
                selected.set(null);
            }
        });
        // A reload (new search, refresh, tasks added) keeps the same task selected when it is still listed;
        // a row that arrives later (lazy page) or changes in place updates the selection's record.
        vm.items().setBeforeReset(() -> resetting = true);
        vm.items().addListener((ListChangeListener<TaskRecord>) c -> {
            if (resetting) {
                TaskId id = keep;
                Platform.runLater(() -> {
                    if (id == null || list.getSelectionModel().getSelectedItem() != null) {
                        resetting = false; // nothing to restore, or something newer was selected meanwhile
                        return;
                    }
                    int i = vm.items().indexOf(id);
                    if (i >= 0) {
                        list.getSelectionModel().clearAndSelect(i);
                    } else if (vm.items().size() > 0 || vm.searchProperty().get() != null) {
                        keep = null;
                        selected.set(null);
                    }
                    resetting = false;
                });
                return;
            }
            int i = list.getSelectionModel().getSelectedIndex();
            if (i >= 0 && i < vm.items().size()) {
                TaskRecord now = vm.items().get(i);
                if (now != null
                        && (selected.get() == null
                                || now.id().equals(selected.get().id()))) {
                    selected.set(now);
                }
            }
        });

        taskGrid = new TaskGrid(
                vm.items(),
                words,
                thumbnails,
                days::at,
                selected::get,
                r -> list.getSelectionModel().getSelectedItems().contains(r),
                i -> {
                    if (i >= 0) {
                        list.getSelectionModel().clearAndSelect(i);
                        revealTile(i);
                    }
                },
                this::toggleIndex,
                this::extendTo,
                r -> onOpen.accept(r));
        grid = taskGrid.node();
        // The gallery lays its rows out by the pictures' shapes and groups them by day: it needs every listed task's
        // while it shows.
        vm.wantShapeProperty().bind(gridMode);
        // Told on every read (an invalidation listener): each reload lays its new list out.
        vm.shapeProperty().addListener(o -> {
            GalleryShape shape = vm.shapeProperty().get();
            taskGrid.setShapes(shape.ratios(), shape.dayStarts());
            // Laid out again by day: the selected task is brought back into view.
            int i = list.getSelectionModel().getSelectedIndex();
            if (i >= 0 && gridMode.get()) {
                revealTile(i);
            }
        });
        grid.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && selected.get() != null) {
                onOpen.accept(selected.get());
                e.consume();
            } else if (e.getCode() == KeyCode.SPACE) {
                onQuickLook.run();
                e.consume();
            } else if (e.getCode() == KeyCode.A && e.isShortcutDown()) {
                list.getSelectionModel().selectAll();
                taskGrid.refresh();
                e.consume();
            }
        });
        selected.addListener((o, a, b) -> {
            if (gridMode.get()) {
                taskGrid.refresh();
            }
        });
        RubberBand.install(this, grid, list, taskGrid);
        grid.visibleProperty().bind(gridMode);
        list.visibleProperty().bind(gridMode.not());
        gridMode.addListener((o, a, b) -> {
            taskGrid.setActive(b);
            if (b) {
                taskGrid.refresh();
                // The selected task stays in view when the gallery takes over from the list.
                int i = list.getSelectionModel().getSelectedIndex();
                if (i >= 0) {
                    revealTile(i);
                }
            }
        });
        // In the list, the day of the rows at the top sits in a band of its own above them, where it hides nothing.
        dayBand.getStyleClass().addAll("day-heading", "day-band");
        dayBand.setId("day-band");
        dayBand.setMaxWidth(Double.MAX_VALUE);
        dayBand.setMinHeight(Region.USE_PREF_SIZE);
        VBox listWithBand = new VBox(dayBand, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        listWithBand.visibleProperty().bind(gridMode.not());
        getChildren().addAll(listWithBand, grid, dateHeader);
        // The day of the rows at the top, over the list and the grid, as photo galleries head their days.
        dateHeader.getStyleClass().add("date-header");
        dateHeader.setId("date-header");
        dateHeader.setMouseTransparent(true);
        StackPane.setAlignment(dateHeader, Pos.TOP_CENTER);
        StackPane.setMargin(dateHeader, new Insets(8, 0, 0, 0));
        follow = new Timeline(new KeyFrame(Duration.millis(200), e -> updateDateHeader(vm, words, clock)));
        follow.setCycleCount(Animation.INDEFINITE);
        gridMode.addListener((o, a, b) -> headerSince = System.nanoTime());
        follow.play();
    }

    private final Label dateHeader = new Label();
    /** The list's sticky day: the top row's day, above the rows. */
    private final Label dayBand = new Label();
    /** Follows the top row's day for the date pill; stopped with the window, or it would keep the old window alive. */
    private final Timeline follow;

    private final DayHeadings days;
    /** The index of the row {@link #topItem()} last found. */
    private int topIndex = -1;

    private VirtualFlow<?> listFlow;
    private VirtualFlow<?> gridFlow;
    /** The header shows while the view moves and a moment after (as photo apps do), then gets out of the pictures' way. */
    private static final long HEADER_LINGER_NANOS = 2_000_000_000L;

    private Object lastTop;
    private long headerSince = System.nanoTime() - HEADER_LINGER_NANOS;

    private void updateDateHeader(TaskListViewModel vm, Words words, Clock clock) {
        TaskRecord top = topItem();
        LibraryFilter.Sort sort = vm.sortProperty().get();
        if (top != null && !top.equals(lastTop)) {
            // Shown when the view moves, not when it first fills: the first row on screen heads its day anyway.
            if (lastTop != null) {
                headerSince = System.nanoTime();
            }
            lastTop = top;
        }
        // A row that heads its day already says it (a heading in the list, a chip on the gallery's first tile): the
        // pill would only cover it.
        boolean headedRow = days.at(topIndex) != null;
        boolean show = top != null
                && vm.filters().get().groupsByDay()
                && !headedRow
                && System.nanoTime() - headerSince < HEADER_LINGER_NANOS;
        if (top != null) {
            String text = words.day(sort.dateOf(top), clock.instant());
            if (!text.equals(dateHeader.getText())) {
                dateHeader.setText(text);
            }
            if (!gridMode.get() && !text.equals(dayBand.getText())) {
                dayBand.setText(text);
            }
        }
        // The floating pill is the gallery's (its tiles have no room for a band); the list says the day in its band.
        dateHeader.setVisible(show && gridMode.get());
        boolean band = vm.filters().get().groupsByDay()
                && !vm.items().isEmpty()
                && (top != null || !dayBand.getText().isEmpty());
        if (dayBand.isVisible() != band) {
            dayBand.setVisible(band);
            dayBand.setManaged(band);
        }
    }

    /** The task in the first row on screen (the first tile of the top row in the grid), or null. */
    private TaskRecord topItem() {
        VirtualFlow<?> flow = gridMode.get() ? gridFlow : listFlow;
        if (flow == null) {
            // Looked up once per view (its skin makes it on the first layout), not every tick.
            Node view = gridMode.get() ? grid : list;
            if (!(view.lookup(".virtual-flow") instanceof VirtualFlow<?> found)) {
                return null;
            }
            flow = found;
            if (gridMode.get()) {
                gridFlow = found;
            } else {
                listFlow = found;
            }
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        if (first == null) {
            return null;
        }
        Object item = first.getItem();
        topIndex = first.getIndex();
        if (gridMode.get()) {
            topIndex = taskGrid.topTask();
            item = topIndex < 0 ? null : list.getItems().get(topIndex);
        }
        return item instanceof TaskRecord r ? r : null;
    }

    /** The window is going away: its timers stop. */
    public void close() {
        follow.stop();
    }

    public ListView<TaskRecord> list() {
        return list;
    }

    public BooleanProperty gridModeProperty() {
        return gridMode;
    }

    private void revealTile(int i) {
        taskGrid.reveal(i);
    }

    /** The gallery's tile size (the slider's value). */
    public DoubleProperty tileSizeProperty() {
        return taskGrid.tileSizeProperty();
    }

    /** Enter or a double-click on a tile: open the task's first output. */
    public void setOnOpen(Consumer<TaskRecord> open) {
        this.onOpen = open;
    }

    /** Space in the gallery: the quick look. */
    public void setOnQuickLook(Runnable quickLook) {
        this.onQuickLook = quickLook;
    }

    /** The gallery itself (tests, and focus when switching to it). */
    public Control grid() {
        return grid;
    }

    public ReadOnlyObjectProperty<TaskRecord> selectedProperty() {
        return selected;
    }

    /** Selects a task by its row (in both views). */
    public void select(TaskRecord r) {
        int i = r == null ? -1 : ((LazyTaskList) list.getItems()).indexOf(r.id());
        if (i >= 0) {
            list.getSelectionModel().clearAndSelect(i);
            list.scrollTo(Math.max(0, i - 2));
            if (gridMode.get()) {
                revealTile(i);
            }
        }
        selected.set(r);
    }

    public void selectIndex(int i) {
        list.getSelectionModel().clearAndSelect(i);
    }

    /** Shift+click: everything from the last picked task to this one. */
    public void extendTo(int i) {
        int from = Math.max(0, list.getSelectionModel().getSelectedIndex());
        list.getSelectionModel().selectRange(Math.min(from, i), Math.max(from, i) + 1);
        taskGrid.refresh();
    }

    /** Adds a task to the selection, or takes it out (Ctrl+click). */
    public void toggleIndex(int i) {
        if (list.getSelectionModel().isSelected(i)) {
            list.getSelectionModel().clearSelection(i);
        } else {
            list.getSelectionModel().select(i);
        }
        taskGrid.refresh();
    }

    /** Every selected task (loaded rows only: a row not yet read cannot be acted on). */
    public List<TaskRecord> selection() {
        // From the selected rows, not JavaFX's selected-items view: a row replaced in place (a task that progressed)
        // can appear there twice for a moment.
        List<TaskRecord> out = new ArrayList<>();
        Set<TaskId> seen = new HashSet<>();
        for (Integer i : List.copyOf(list.getSelectionModel().getSelectedIndices())) {
            TaskRecord r = i == null || i < 0 || i >= list.getItems().size()
                    ? null
                    : list.getItems().get(i);
            if (r != null && seen.add(r.id())) {
                out.add(r);
            }
        }
        return out;
    }

    /** What a dragged selection carries before its ids (the sidebar's collections accept it). */
    public static final String DRAG_MARKER = "aigc-desk-tasks\n";
}
