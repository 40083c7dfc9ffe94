package dev.aigcdesk.ui.main;

import dev.aigcdesk.config.WindowState;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.system.DroppedText;
import dev.aigcdesk.ui.common.Desk;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Icons;
import dev.aigcdesk.ui.common.UiExecutor;
import dev.aigcdesk.ui.common.Words;
import dev.aigcdesk.ui.detail.TaskDetailView;
import dev.aigcdesk.ui.detail.TaskDetailViewModel;
import dev.aigcdesk.ui.preview.Thumbnails;
import dev.aigcdesk.ui.tasklist.TaskListView;
import dev.aigcdesk.ui.tasklist.TaskListViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.feather.Feather;

/**
 * The main window's content: toolbar, banners, the task list beside the detail pane, and the
 * status bar. It wires the view models together and gives every action a key.
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
    private final Words words;
    private final I18n i18n;
    private final Host host;
    private final TaskListViewModel listVm;
    private final TaskDetailViewModel detailVm;
    private final MainViewModel mainVm;
    private final TaskListView list;
    private final TaskDetailView detail;
    private final SplitPane split;
    private final BorderPane root = new BorderPane();
    private final VBox banners = new VBox();
    private final StatusBar status = new StatusBar();
    private final TextField search = new TextField();
    private final Timeline clockTick;
    private final PauseTransition toastTimer = new PauseTransition(Duration.seconds(5));
    private TaskListViewModel.Removed lastRemoved;
    private Runnable clearSearch = () -> { };
    private final String version = dev.aigcdesk.config.AppInfo.load().version();
    private TaskId wantSelected;
    private HBox undoBar;

    public MainWindow(Desk desk, UiExecutor ui, Words words, Host host, WindowState state) {
        this.desk = desk;
        this.ui = ui;
        this.words = words;
        this.i18n = words.i18n();
        this.host = host;
        Thumbnails thumbnails = new Thumbnails(400);
        listVm = new TaskListViewModel(desk, ui);
        detailVm = new TaskDetailViewModel(desk, ui);
        mainVm = new MainViewModel(desk, ui);
        list = new TaskListView(listVm, words, thumbnails, desk.clock());
        list.gridModeProperty().set(state.grid());
        detail = new TaskDetailView(detailVm, words, thumbnails, desk.clock());
        detail.setToast(this::toast);
        split = new SplitPane(list, detail);
        split.setDividerPositions(state.divider());
        SplitPane.setResizableWithParent(list, false);

        list.selectedProperty().addListener((o, a, b) -> {
            TaskId id = b == null ? null : b.id();
            if (id == null ? detailVm.showing() != null : !id.equals(detailVm.showing())) {
                detailVm.show(id);
            }
        });
        listVm.items().addListener((javafx.collections.ListChangeListener<TaskRecord>) c -> reselect());
        mainVm.onTaskChanged(r -> {
            listVm.taskChanged(r);
            detailVm.taskChanged(r);
        });
        mainVm.onNotice(this::notify);

        root.setTop(new VBox(toolbar(), banners));
        root.setCenter(center());
        root.setBottom(statusBar());
        installBanners();
        installShortcuts();
        installDrop();

        clockTick = new Timeline(new KeyFrame(Duration.seconds(30), e -> {
            list.list().refresh();
            updateStatusText();
            mainVm.checkExpiryRisk();
        }));
        clockTick.setCycleCount(Timeline.INDEFINITE);
        clockTick.play();
        toastTimer.setOnFinished(e -> updateStatusText());
        listVm.reload();
        mainVm.updateCounts();
        mainVm.checkExpiryRisk();
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
        return new WindowState(x, y, w, h, maximized, split.getDividerPositions()[0], list.gridModeProperty().get());
    }

    /** Selects a task as soon as its row is there (now, or after the next load). */
    public void select(TaskId id) {
        wantSelected = id;
        reselect();
    }

    public void close() {
        clockTick.stop();
        mainVm.close();
    }

    // ---- building ----------------------------------------------------------------------------

    private HBox toolbar() {
        Label title = new Label(i18n.get("app.title"));
        title.getStyleClass().add("app-title");
        Button add = iconButton(Feather.PLUS, i18n.get("toolbar.add"), i18n.get("toolbar.add.tip"), () -> openAddDialog(null));
        add.setId("add-button");
        add.getStyleClass().add("accent");
        Button refresh = iconButton(Feather.REFRESH_CW, i18n.get("toolbar.refresh"), i18n.get("toolbar.refresh.tip"), this::refresh);
        refresh.setId("refresh-button");
        search.setId("search");
        search.setPromptText(i18n.get("toolbar.search"));
        search.getStyleClass().add("search");
        search.setAccessibleText(i18n.get("toolbar.search"));
        PauseTransition debounce = new PauseTransition(Duration.millis(150));
        debounce.setOnFinished(e -> listVm.searchProperty().set(search.getText()));
        clearSearch = () -> {
            debounce.stop();
            search.setText("");
            listVm.searchProperty().set("");
            list.list().requestFocus();
        };
        search.textProperty().addListener((o, a, b) -> debounce.playFromStart());
        // A filter, because the text field's own behavior consumes Escape before handlers see it.
        search.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                list.list().requestFocus();
                if (list.list().getSelectionModel().isEmpty() && !listVm.items().isEmpty()) {
                    list.selectIndex(0);
                }
            }
        });
        ComboBox<TaskState> state = new ComboBox<>();
        state.setId("state-filter");
        state.getItems().add(null);
        state.getItems().addAll(TaskState.values());
        state.setConverter(converter(s -> s == null ? i18n.get("toolbar.filter.state") : words.state(s)));
        state.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(TaskState s, boolean empty) {
                super.updateItem(s, empty);
                setText(s == null ? i18n.get("toolbar.filter.state") : words.state(s));
            }
        });
        state.valueProperty().bindBidirectional(listVm.stateFilterProperty());
        state.setAccessibleText(i18n.get("toolbar.filter.state"));
        ComboBox<TaskKind> kind = new ComboBox<>();
        kind.setId("kind-filter");
        kind.getItems().add(null);
        kind.getItems().addAll(TaskKind.values());
        kind.setConverter(converter(k -> k == null ? i18n.get("toolbar.filter.kind") : words.kind(k)));
        kind.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(TaskKind k, boolean empty) {
                super.updateItem(k, empty);
                setText(k == null ? i18n.get("toolbar.filter.kind") : words.kind(k));
            }
        });
        kind.valueProperty().bindBidirectional(listVm.kindFilterProperty());
        kind.setAccessibleText(i18n.get("toolbar.filter.kind"));
        ToggleButton listMode = new ToggleButton(null, Icons.of(Feather.LIST));
        listMode.setTooltip(new Tooltip(i18n.get("toolbar.view.list")));
        listMode.setAccessibleText(i18n.get("toolbar.view.list"));
        ToggleButton gridMode = new ToggleButton(null, Icons.of(Feather.GRID));
        gridMode.setTooltip(new Tooltip(i18n.get("toolbar.view.grid")));
        gridMode.setAccessibleText(i18n.get("toolbar.view.grid"));
        gridMode.setId("grid-toggle");
        SegmentedButton view = new SegmentedButton(listMode, gridMode);
        ToggleGroup group = view.getToggleGroup();
        (list.gridModeProperty().get() ? gridMode : listMode).setSelected(true);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                list.gridModeProperty().set(b == gridMode);
            }
        });
        Button theme = iconButton(Feather.MOON, null, i18n.get("toolbar.theme"), host::toggleTheme);
        Button settings = iconButton(Feather.SETTINGS, null, i18n.get("toolbar.settings"), host::openSettings);
        Button about = iconButton(Feather.INFO, null, i18n.get("about.title"), this::showAbout);
        about.setId("about-button");
        settings.setId("settings-button");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, add, refresh, search, state, kind, view, spacer, theme, settings, about);
        bar.getStyleClass().add("toolbar-row");
        return bar;
    }

    private Parent center() {
        if (!desk.hasKey() && !desk.demo()) {
            WelcomePane welcome = new WelcomePane(i18n, host::openSettings, host::tryDemo);
            StackPane stack = new StackPane(split, welcome);
            split.setVisible(false);
            return stack;
        }
        return split;
    }

    private StatusBar statusBar() {
        status.getStyleClass().add("status-bar");
        status.setId("status-bar");
        Label running = new Label();
        running.setId("status-running");
        running.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("status.running", mainVm.runningProperty().get()),
                mainVm.runningProperty()));
        Label saving = new Label();
        saving.setId("status-saving");
        saving.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("status.saving", mainVm.savingProperty().get()),
                mainVm.savingProperty()));
        Label total = new Label();
        total.setId("status-total");
        total.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("list.count", listVm.totalProperty().get()), listVm.totalProperty()));
        HBox right = new HBox(12, running, saving, total);
        right.setAlignment(Pos.CENTER_RIGHT);
        status.getRightItems().setAll(right);
        mainVm.lastRefreshProperty().addListener((o, a, b) -> updateStatusText());
        updateStatusText();
        return status;
    }

    private void updateStatusText() {
        if (toastTimer.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            return;
        }
        if (desk.sync() == null) {
            status.setText(i18n.get("status.readOnly"));
            return;
        }
        var last = mainVm.lastRefreshProperty().get();
        status.setText(last == null ? i18n.get("status.never") : i18n.get("status.lastRefresh", words.ago(last, desk.clock().instant())));
    }

    private void installBanners() {
        Runnable update = () -> {
            banners.getChildren().clear();
            if (mainVm.keyRejectedProperty().get()) {
                Button open = new Button(i18n.get("banner.openSettings"));
                open.setOnAction(e -> host.openSettings());
                banners.getChildren().add(banner("danger", Feather.KEY, i18n.get("banner.keyRejected"), "key-banner", open));
            } else if (mainVm.offlineProperty().get()) {
                banners.getChildren().add(banner("warning", Feather.WIFI_OFF, i18n.get("banner.offline"), "offline-banner"));
            }
            if (desk.demo()) {
                banners.getChildren().add(banner("warning", Feather.PLAY_CIRCLE, i18n.get("banner.demo"), "demo-banner"));
            }
            if (undoBar != null) {
                banners.getChildren().add(undoBar);
            }
        };
        mainVm.keyRejectedProperty().addListener((o, a, b) -> update.run());
        mainVm.offlineProperty().addListener((o, a, b) -> update.run());
        this.bannerUpdate = update;
        update.run();
    }

    private Runnable bannerUpdate = () -> { };

    private HBox banner(String kind, Feather icon, String text, String id, javafx.scene.Node... extra) {
        Label l = new Label(text, Icons.of(icon));
        l.setWrapText(true);
        HBox b = new HBox(8, l);
        b.getChildren().addAll(extra);
        b.getStyleClass().addAll("banner", kind);
        b.setId(id);
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }

    private void installShortcuts() {
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                return;
            }
            // Escape in the search box clears it; caught at the scene, before any control can swallow it.
            scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE && search.isFocused()) {
                    clearSearch.run();
                    e.consume();
                }
            });
            var acc = scene.getAccelerators();
            acc.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> openAddDialog(null));
            acc.put(new KeyCodeCombination(KeyCode.F5), this::refresh);
            acc.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), this::refresh);
            acc.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
                search.requestFocus();
                search.selectAll();
            });
            acc.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), detail::downloadFirst);
            acc.put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), this::undoRemove);
            acc.put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), host::openSettings);
        });
        list.list().setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN).match(e)) {
                String text = Clipboard.getSystemClipboard().getString();
                if (text != null) {
                    addText(text);
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                detail.viewFirst();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                removeSelected();
                e.consume();
            }
        });
    }

    private void installDrop() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() || e.getDragboard().hasString()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            var db = e.getDragboard();
            if (db.hasFiles()) {
                List<Path> files = db.getFiles().stream().map(File::toPath).toList();
                ui.run(() -> DroppedText.read(files), this::addText, err -> toast(err.getMessage()));
            } else if (db.hasString()) {
                addText(db.getString());
            }
            e.setDropCompleted(true);
            e.consume();
        });
    }

    // ---- actions -----------------------------------------------------------------------------

    private void showAbout() {
        javafx.scene.control.Alert about = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION,
                i18n.get("about.text", version));
        about.setTitle(i18n.get("about.title"));
        about.setHeaderText(null);
        about.initOwner(root.getScene().getWindow());
        about.show();
    }

    private void refresh() {
        mainVm.refresh();
        listVm.reload();
        detailVm.refresh();
    }

    void openAddDialog(String initial) {
        var known = new java.util.HashSet<TaskId>();
        for (int i = 0; i < Math.min(listVm.items().size(), 400); i++) {
            TaskRecord r = listVm.items().get(i);
            if (r != null) {
                known.add(r.id());
            }
        }
        new AddTasksDialog(root.getScene().getWindow(), i18n, known::contains, initial).showAndWait().ifPresent(this::addText);
    }

    /** Adds the ids in any text, selects the first new one, and says how it went. */
    public void addText(String text) {
        listVm.addFromText(text, r -> {
            toast(i18n.get("add.result", r.added(), r.present(), r.invalid()));
            if (!r.addedIds().isEmpty()) {
                select(r.addedIds().get(0));
            }
            mainVm.updateCounts();
        });
    }

    private void removeSelected() {
        TaskRecord r = list.selectedProperty().get();
        if (r == null) {
            return;
        }
        int index = list.list().getSelectionModel().getSelectedIndex();
        listVm.remove(r.id(), removed -> {
            lastRemoved = removed;
            Button undo = new Button(i18n.get("remove.undo"), Icons.of(Feather.ROTATE_CCW));
            undo.setId("undo-button");
            undo.setOnAction(e -> undoRemove());
            undoBar = banner("warning", Feather.TRASH_2, i18n.get("remove.done", r.task().promptHeadline().isEmpty() ? r.id().shortId()
                    : r.task().promptHeadline()), "undo-bar", undo);
            bannerUpdate.run();
            PauseTransition hide = new PauseTransition(Duration.seconds(10));
            HBox bar = undoBar;
            hide.setOnFinished(e -> {
                if (undoBar == bar) {
                    undoBar = null;
                    bannerUpdate.run();
                }
            });
            hide.play();
            int next = Math.min(index, listVm.items().size() - 1);
            if (next >= 0) {
                list.selectIndex(next);
            }
            mainVm.updateCounts();
        });
    }

    private void undoRemove() {
        if (lastRemoved == null) {
            return;
        }
        TaskListViewModel.Removed r = lastRemoved;
        lastRemoved = null;
        undoBar = null;
        bannerUpdate.run();
        listVm.undoRemove(r);
        select(r.record().id());
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

    private void toast(String message) {
        status.setText(message);
        toastTimer.playFromStart();
    }

    private void notify(MainViewModel.Notice n) {
        String what = n.task().task().promptHeadline().isEmpty() ? n.task().id().shortId() : n.task().task().promptHeadline();
        String title;
        String text;
        switch (n.kind()) {
            case FINISHED -> {
                title = i18n.get("notify.finished.title");
                text = what;
            }
            case FAILED -> {
                title = i18n.get("notify.failed.title");
                text = what + (n.detail() == null ? "" : "\n" + n.detail());
            }
            case AT_RISK -> {
                title = i18n.get("notify.atRisk.title");
                text = i18n.get("notify.atRisk.text", what);
            }
            default -> {
                title = i18n.get("notify.lost.title");
                text = i18n.get("notify.lost.text", what);
            }
        }
        try {
            Scene scene = root.getScene();
            Notifications note = Notifications.create().title(title).text(text).hideAfter(Duration.seconds(6))
                    .onAction(e -> select(n.task().id()));
            if (scene != null && scene.getWindow() != null && scene.getWindow().isShowing()) {
                note.owner(scene.getWindow());
            }
            if (n.kind() == MainViewModel.Notice.Kind.FINISHED) {
                note.showInformation();
            } else {
                note.showWarning();
            }
        } catch (RuntimeException e) {
            toast(title + ": " + text);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static Button iconButton(Feather icon, String text, String tip, Runnable action) {
        Button b = new Button(text, Icons.of(icon));
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(text == null ? tip : text);
        b.setOnAction(e -> action.run());
        if (text == null) {
            b.getStyleClass().add("button-icon");
        }
        return b;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
