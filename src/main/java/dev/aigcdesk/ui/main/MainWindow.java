package dev.aigcdesk.ui.main;

import dev.aigcdesk.config.WindowState;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.ui.common.Desk;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.UiExecutor;
import dev.aigcdesk.ui.common.Words;
import dev.aigcdesk.ui.detail.TaskDetailView;
import dev.aigcdesk.ui.detail.TaskDetailViewModel;
import dev.aigcdesk.ui.generate.GenerateDialog;
import dev.aigcdesk.ui.generate.Generating;
import dev.aigcdesk.ui.organize.Curating;
import dev.aigcdesk.ui.preview.CompareView;
import dev.aigcdesk.ui.preview.Thumbnails;
import dev.aigcdesk.ui.preview.Viewer;
import dev.aigcdesk.ui.preview.ViewerItem;
import dev.aigcdesk.ui.sidebar.LibrarySidebar;
import dev.aigcdesk.ui.status.Banners;
import dev.aigcdesk.ui.status.Notifier;
import dev.aigcdesk.ui.status.StatusLine;
import dev.aigcdesk.ui.status.StatusViewModel;
import dev.aigcdesk.ui.tasklist.TaskListView;
import dev.aigcdesk.ui.tasklist.TaskListViewModel;
import dev.aigcdesk.ui.viewer.Looking;
import dev.aigcdesk.ui.viewer.ViewerNavigation;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The main window's content, composed from its parts (toolbar, banners, list, detail, status line,
 * notifier, shortcuts) over the view models it is given. It keeps selection and the actions that
 * need more than one part.
 */
public final class MainWindow {

    /** What the window asks of the app around it. */
    public interface Host {
        void openSettings();

        void tryDemo();

        void toggleTheme();
    }

    private final Desk desk;
    private final UiExecutor ui;
    private final I18n i18n;
    private final Words words;
    private final TaskListViewModel listVm;
    private final TaskDetailViewModel detailVm;
    private final StatusViewModel mainVm;
    private final TaskListView list;
    private final TaskDetailView detail;
    private final SplitPane split;
    private final BorderPane root = new BorderPane();
    private final MainToolbar toolbar;
    private final Banners banners;
    private final StatusLine status;
    private final Timeline clockTick;
    private final Looking looking;
    private final BooleanProperty detailInGrid = new SimpleBooleanProperty(false);
    private double lastDivider;
    private final BooleanProperty sidebarShown = new SimpleBooleanProperty(true);
    private TaskId wantSelected;
    private final Thumbnails thumbnails;
    private final AddingAndRemoving adding;
    private final Generating generating;
    private final FirstFrame firstFrame = new FirstFrame(root);

    /** The pictures' caches (for the snapshot, which waits for poster frames). */
    public Thumbnails thumbnails() {
        return thumbnails;
    }

    public MainWindow(MainViewModels vms, Desk desk, UiExecutor ui, Words words, Host host, WindowState state) {
        this.desk = desk;
        this.ui = ui;
        this.i18n = words.i18n();
        this.words = words;
        this.listVm = vms.list();
        this.detailVm = vms.detail();
        this.mainVm = vms.main();
        thumbnails = new Thumbnails(400, desk.thumbnails(), desk.desktop()::posterFrame, ui);
        list = new TaskListView(listVm, words, thumbnails, desk.clock());
        list.gridModeProperty().set(state.grid());
        detail = new TaskDetailView(detailVm, words, thumbnails, desk.clock());
        split = new SplitPane(list, detail);
        split.setDividerPositions(state.divider());
        lastDivider = state.divider();
        SplitPane.setResizableWithParent(list, false);
        list.tileSizeProperty().set(state.tileSize());
        // The gallery takes the whole width; the detail comes back as a side panel on demand (Ctrl+I).
        list.gridModeProperty().addListener((o, a, b) -> layoutPanes());
        detailInGrid.addListener((o, a, b) -> layoutPanes());
        list.setOnOpen(r -> {
            if (!r.files().isEmpty()) {
                view(new ViewerItem(r, r.files().get(0)));
            }
        });
        list.setOnQuickLook(this::quickLook);
        layoutPanes();
        generating = new Generating(root, vms.generate(), i18n, this::select, listVm::reload, this::toast);
        toolbar = new MainToolbar(
                listVm,
                list,
                words,
                new MainToolbar.Actions(
                        () -> openAddDialog(null),
                        generating::newGeneration,
                        this::refresh,
                        host::toggleTheme,
                        host::openSettings,
                        this::showAbout));
        banners = new Banners(
                mainVm, i18n, desk.demo(), desk.intervals().offlineRetry().toSeconds(), host::openSettings);
        status = new StatusLine(desk, mainVm, listVm, words);
        adding = new AddingAndRemoving(root, listVm, list, mainVm, banners, status::toast, i18n, this::select);
        detail.setToast(status::toast);
        detail.setDownloads(mainVm.downloads());
        looking = new Looking(
                root,
                words,
                thumbnails,
                new ViewerNavigation(listVm.items()),
                detail::viewerActions,
                detailVm::showing,
                this::select);
        detail.setViewer(this::view);
        detail.setComparer(this::compare);
        Notifier notifier = new Notifier(i18n, this::select, desk.desktop());

        list.selectedProperty().addListener((o, a, b) -> {
            TaskId id = b == null ? null : b.id();
            if (id == null ? detailVm.showing() != null : !id.equals(detailVm.showing())) {
                detailVm.show(id);
            }
        });
        listVm.items().addListener((ListChangeListener<TaskRecord>) c -> reselect());
        // A file saved or lost changes the keep-safe counts in the sidebar, not only the rows.
        mainVm.savingProperty().addListener((o, a, b) -> listVm.recount());
        mainVm.onTaskChanged(r -> {
            listVm.taskChanged(r);
            detailVm.taskChanged(r);
        });
        mainVm.onNotice(notifier::show);

        root.setTop(new VBox(toolbar.node(), banners.node()));
        Parent library = desk.hasKey() || desk.demo() ? split : WelcomeGate.around(split, listVm, banners, i18n, host);
        root.setCenter(new StackPane(library, notifier.layer()));
        LibrarySidebar sidebar = new LibrarySidebar(vms.sidebar(), listVm, vms.looks(), i18n);
        root.setLeft(sidebar.node());
        sidebarShown.addListener((o, a, b) -> root.setLeft(b ? sidebar.node() : null));
        vms.sidebar().setOnChanged(detailVm::refresh);
        new Curating(
                list,
                vms.sidebar(),
                i18n,
                status::toast,
                adding::removeSelected,
                () -> generating.again(detailVm.recordProperty().get()),
                () -> generating.againAsItWas(detailVm.recordProperty().get()),
                () -> FindingByLook.like(vms.looks(), detailVm.recordProperty().get(), i18n));
        FindingByLook.wire(vms.looks(), detail, status::toast, i18n);
        detail.setGenerating(new TaskDetailView.Generating(
                generating::again, vms.generate()::lineage, this::select, this::showFamily));
        detail.setRater((id, stars) -> vms.sidebar().rate(List.of(id), stars));
        onFirstPage(
                vms.sidebar()
                        ::refresh); // counts, collections, tags and filter choices: after the first page, not before it
        root.setBottom(status.node());
        Shortcuts.install(
                root,
                toolbar.search(),
                list.list(),
                new Shortcuts.Keys(
                        () -> openAddDialog(null),
                        generating::newGeneration,
                        this::refresh,
                        toolbar::focusSearch,
                        toolbar::clearSearch,
                        detail::downloadFirst,
                        adding::undoRemove,
                        host::openSettings,
                        this::viewSelected,
                        this::quickLook,
                        adding::removeSelected,
                        this::addText,
                        this::toggleDetailInGrid,
                        this::toggleSidebar));
        FileDrop.install(root, ui, desk.desktop(), this::addText, err -> status.toast(desk.say(err)));

        clockTick = new Timeline(new KeyFrame(Duration.seconds(30), e -> {
            list.list().refresh();
            status.update();
            mainVm.checkExpiryRisk();
        }));
        clockTick.setCycleCount(Timeline.INDEFINITE);
        clockTick.play();
        // Show first, then start: the first page of rows is drawn before the sync and the counts begin;
        // the gallery's first page is laid out from its own rows, every task's shape is read after that frame.
        listVm.holdShapes(true);
        onFirstPage(() -> listVm.holdShapes(false));
        onFirstPage(desk::beginSync);
        onFirstPage(mainVm::updateCounts);
        onFirstPage(mainVm::checkExpiryRisk);
        listVm.loadsProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                listVm.loadsProperty().removeListener(this);
                firstFrame.rowsArrived();
            }
        });
        listVm.reload();
    }

    /** Runs {@code r} once the first page of rows is on screen (at once, if it is already). */
    public void onFirstPage(Runnable r) {
        firstFrame.then(r);
    }

    public Parent root() {
        return root;
    }

    public TaskListView list() {
        return list;
    }

    public TaskDetailView detail() {
        return detail;
    }

    public TaskListViewModel listViewModel() {
        return listVm;
    }

    public TaskDetailViewModel detailViewModel() {
        return detailVm;
    }

    /** The window's layout now, to be remembered. */
    public WindowState state(double x, double y, double w, double h, boolean maximized) {
        double divider = split.getDividers().isEmpty() ? lastDivider : split.getDividerPositions()[0];
        return new WindowState(
                x,
                y,
                w,
                h,
                maximized,
                divider,
                list.gridModeProperty().get(),
                list.tileSizeProperty().get());
    }

    /** Selects a task as soon as its row is there (now, or after the next load). */
    public void select(TaskId id) {
        wantSelected = id;
        reselect();
    }

    /** Stops listening to the session: the window is going away, or its session is. */
    public void close() {
        clockTick.stop();
        status.stop();
        list.close();
        mainVm.close();
        looking.close();
    }

    /** "Generate again" on {@code r}: the New generation panel filled in from it. */
    public void generateAgain(TaskRecord r) {
        generating.again(r);
    }

    /** The New generation panel open now, if any (tests). */
    public GenerateDialog generatePanel() {
        return generating.panel();
    }

    /** Only this task, what it was made from and its tries (a chip in the sidebar clears it). */
    private void showFamily(TaskId id) {
        listVm.filters().showFamily(id);
        select(id);
    }

    private void toast(String text) {
        status.toast(text);
    }

    /** Opens an output in the viewer; moving to another task there selects it here too. */
    public void view(ViewerItem item) {
        looking.view(item);
    }

    /** Two to four outputs side by side, zoom and pan locked together. */
    public CompareView compare(List<ViewerItem> items) {
        return looking.compare(items);
    }

    /** The compare view, if one was opened (tests). */
    public CompareView compareView() {
        return looking.compareView();
    }

    /** The viewer, if it was opened (tests). */
    public Viewer viewer() {
        return looking.viewer();
    }

    /** The list beside the detail; the gallery alone, or with the detail as a side panel when asked for. */
    private void layoutPanes() {
        boolean detailShown = !list.gridModeProperty().get() || detailInGrid.get();
        if (!split.getDividers().isEmpty()) {
            lastDivider = split.getDividerPositions()[0];
        }
        if (detailShown && !split.getItems().contains(detail)) {
            split.getItems().add(detail);
            split.setDividerPositions(list.gridModeProperty().get() ? 0.68 : lastDivider);
        } else if (!detailShown) {
            split.getItems().remove(detail);
        }
    }

    /** Ctrl+B: the sidebar, or not. */
    public void toggleSidebar() {
        sidebarShown.set(!sidebarShown.get());
    }

    /** Ctrl+I: the detail beside the gallery, or not. */
    public void toggleDetailInGrid() {
        detailInGrid.set(!detailInGrid.get());
    }

    /** Enter: the selected task's first output in the viewer. */
    private void viewSelected() {
        TaskRecord r = list.selectedProperty().get();
        if (r != null && !r.files().isEmpty()) {
            view(new ViewerItem(r, r.files().get(0)));
        }
    }

    /** Space: a quick look that Space closes again. */
    private void quickLook() {
        if (!looking.closeViewer()) {
            viewSelected();
        }
    }

    private void showAbout() {
        AboutBox.show(root.getScene().getWindow(), i18n, desk.ledger().location(), desk.archiveFolder());
    }

    private void refresh() {
        mainVm.refresh();
        listVm.reload();
        detailVm.refresh();
    }

    void openAddDialog(String initial) {
        adding.openDialog(initial);
    }

    /** Adds the ids in any text, selects the first new one, and says how it went. */
    public void addText(String text) {
        adding.addText(text);
    }

    private void reselect() {
        if (wantSelected == null) {
            return;
        }
        int i = listVm.items().indexOf(wantSelected);
        if (i >= 0) {
            TaskId id = wantSelected;
            wantSelected = null;
            ui.onUi(() -> {
                list.selectIndex(i);
                list.list().scrollTo(Math.max(0, i - 2));
                if (!id.equals(detailVm.showing())) {
                    detailVm.show(id);
                }
            });
        }
    }
}
