package dev.aigcdesk.ui.shell;

import dev.aigcdesk.api.ConnectionCheck;
import dev.aigcdesk.app.LibraryOpener;
import dev.aigcdesk.app.OpenLibrary;
import dev.aigcdesk.app.Session;
import dev.aigcdesk.app.SessionOptions;
import dev.aigcdesk.config.ApiKeyStore;
import dev.aigcdesk.config.AppPaths;
import dev.aigcdesk.config.ConnectionOptions;
import dev.aigcdesk.config.Settings;
import dev.aigcdesk.config.SettingsStore;
import dev.aigcdesk.config.WindowState;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.ui.common.Desk;
import dev.aigcdesk.ui.common.ErrorWords;
import dev.aigcdesk.ui.common.FxUiExecutor;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Theme;
import dev.aigcdesk.ui.common.Words;
import dev.aigcdesk.ui.main.MainViewModels;
import dev.aigcdesk.ui.main.MainWindow;
import dev.aigcdesk.ui.settings.SettingsDialog;
import dev.aigcdesk.ui.settings.SettingsViewModel;
import dev.aigcdesk.ui.settings.TeamDialog;
import dev.aigcdesk.ui.settings.TeamViewModel;
import dev.aigcdesk.ui.tasklist.FirstPage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's one session at a time. Switching (Settings OK, "Enter your API key", "Try the demo")
 * detaches the window, closes the old session completely (its sync lock included), opens the new
 * one off the JavaFX thread, and builds a fresh main window on it.
 */
final class SessionSwitcher {

    private static final Logger LOG = LoggerFactory.getLogger(SessionSwitcher.class);

    private final Stage stage;
    private final FxUiExecutor ui;
    private final LibraryOpener opener;
    private final Function<AppPaths, ApiKeyStore> keyStores;
    private final ConnectionCheck connectionCheck;
    private final Theme theme;
    private SessionOptions options;
    private Locale forcedLocale;
    private boolean rememberLayout = true;
    private OpenLibrary current;
    private MainWindow window;
    /** The first window's first page, read while JavaFX started. */
    private CompletableFuture<FirstPage> primed;

    SessionSwitcher(
            Stage stage,
            FxUiExecutor ui,
            LibraryOpener opener,
            Function<AppPaths, ApiKeyStore> keyStores,
            ConnectionCheck connectionCheck,
            Theme theme,
            SessionOptions options) {
        this.stage = stage;
        this.ui = ui;
        this.opener = opener;
        this.keyStores = keyStores;
        this.connectionCheck = connectionCheck;
        this.theme = theme;
        this.options = options;
    }

    /** The first window: its layout read before JavaFX started; a snapshot, if asked, sizes it and is taken once it is shown. */
    void showFirst(
            OpenLibrary opened,
            WindowState state,
            List<TaskId> add,
            WindowSnapshot snapshot,
            double[] size,
            CompletableFuture<FirstPage> firstPage) {
        if (opened.damaged()) {
            offerRebuild(opened, add, () -> showFirst(current, state, add, snapshot, size, null));
            return;
        }
        primed = firstPage;
        double width = size != null ? size[0] : state.width();
        double height = size != null ? size[1] : state.height();
        if (stage.getScene() == null) {
            Scene scene = new Scene(new Pane(), width, height);
            Theme.style(scene);
            stage.setScene(scene);
        } else {
            stage.setWidth(width);
            stage.setHeight(height);
        }
        show(opened, state, add);
        if (size == null) {
            state.position().ifPresent(p -> {
                stage.setX(p[0]);
                stage.setY(p[1]);
            });
            stage.setMaximized(state.maximized());
        }
        stage.show();
        if (snapshot != null) {
            snapshot.take(stage, window);
        }
    }

    /** Snapshots leave the user's window layout as it was. */
    void forgetLayout() {
        rememberLayout = false;
    }

    /** A language for every window of this run instead of Settings' (snapshots in either language). */
    void forceLocale(Locale locale) {
        this.forcedLocale = locale;
    }

    private Locale localeOf(Session s) {
        return forcedLocale != null ? forcedLocale : DesktopShell.localeOf(s);
    }

    /** The window's current session (tests and the shell's exit). */
    Session session() {
        return current == null ? null : current.session();
    }

    MainWindow window() {
        return window;
    }

    /** Opens a session for {@code next} in place of the current one. */
    void switchTo(SessionOptions next) {
        OpenLibrary previous = current;
        SessionOptions before = options;
        detach();
        ui.run(
                () -> {
                    OpenLibrary opened = opener.open(previous, next, List.of());
                    return new Ready(
                            opened, WindowState.load(opened.session().paths().config()));
                },
                ready -> {
                    options = next;
                    if (ready.opened().damaged()) {
                        offerRebuild(ready.opened(), List.of(), () -> show(current, ready.state(), List.of()));
                    } else {
                        show(ready.opened(), ready.state(), List.of());
                    }
                },
                e -> {
                    LOG.warn("Could not open the library for the new settings; going back to the previous ones", e);
                    alert(e);
                    if (!next.equals(before)) {
                        switchTo(before);
                    }
                });
    }

    private record Ready(OpenLibrary opened, WindowState state) {}

    private void offerRebuild(OpenLibrary damaged, List<TaskId> add, Runnable then) {
        I18n i18n = new I18n(localeOf(damaged.session()));
        if (!DamagedLibraryPrompt.askRebuild(i18n, damaged.damage().getMessage())) {
            damaged.close();
            stage.hide();
            return;
        }
        ui.run(
                () -> opener.rebuild(damaged, add),
                rebuilt -> {
                    current = rebuilt;
                    then.run();
                },
                e -> {
                    LOG.warn("Could not rebuild the library", e);
                    alert(e);
                    stage.hide();
                });
    }

    private void show(OpenLibrary opened, WindowState state, List<TaskId> add) {
        current = opened;
        Session session = opened.session();
        I18n i18n = new I18n(localeOf(session));
        Words words = new Words(i18n, session.clock().getZone());
        Desk desk = WindowComposition.services(opened).speaking(i18n);
        MainViewModels vms = WindowComposition.viewModels(desk, ui);
        if (primed != null) {
            vms.list().prime(primed);
            primed = null;
        }
        window = new MainWindow(
                vms,
                desk,
                ui,
                words,
                new MainWindow.Host() {
                    @Override
                    public void openSettings() {
                        SessionSwitcher.this.openSettings(i18n);
                    }

                    @Override
                    public void tryDemo() {
                        switchTo(options.withDemo(true));
                    }

                    @Override
                    public void toggleTheme() {
                        theme.toggle();
                    }
                },
                state);
        window.detail().lastFolderProperty().set(session.settings().downloadFolder());
        window.detail().lastFolderProperty().addListener((o, a, b) -> rememberDownloadFolder(session, b));
        if (!add.isEmpty()) {
            window.select(add.get(0));
        }
        if (stage.getScene() != null) {
            stage.getScene().setRoot(window.root());
            Theme.styleRoot(stage.getScene());
        }
        stage.setTitle(session.isDemo() ? "AIGC Desk — Demo" : "AIGC Desk");
    }

    /** Stops the window listening to the session that is about to close. */
    private void detach() {
        if (window != null) {
            window.root().setDisable(true);
            window.close();
        }
        current = null;
    }

    private void openSettings(I18n i18n) {
        Session session = current.session();
        SettingsStore store = new SettingsStore(session.paths().config());
        SettingsViewModel vm = new SettingsViewModel(
                store, keyStores.apply(session.paths()), (base, key) -> tested(i18n, base, key), ui);
        vm.load(() -> {
            boolean envKey = session.connection().keySource() == ConnectionOptions.KeySource.ENVIRONMENT;
            new SettingsDialog(
                            stage,
                            vm,
                            i18n,
                            session.paths().archive(),
                            envKey,
                            s -> {
                                if (s.theme() != Settings.Theme.SYSTEM) {
                                    theme.apply(s.theme());
                                }
                                // A key entered in the demo means the user is ready for the real library.
                                switchTo(options.withDemo(session.isDemo()
                                        && vm.keyProperty().get().isBlank()));
                            },
                            () -> openTeam(i18n))
                    .show();
        });
    }

    /** Settings → Team library: connecting or disconnecting reopens the window on the library it chose. */
    private void openTeam(I18n i18n) {
        Session session = current.session();
        TeamViewModel vm =
                new TeamViewModel(session.team(), s -> TeamDialog.describe(s, i18n), new ErrorWords(i18n)::say, ui);
        new TeamDialog(stage, vm, i18n, () -> switchTo(options.withDemo(false))).show();
    }

    private SettingsViewModel.ConnectionTester.Result tested(I18n i18n, String base, String key)
            throws InterruptedException {
        ConnectionCheck.Result r = connectionCheck.run(base, key);
        String message = switch (r.outcome()) {
            case KEY_ACCEPTED -> i18n.get("settings.test.connectedKey");
            case ANSWERED -> i18n.get("settings.test.ok");
            case BAD_ADDRESS -> i18n.get("settings.test.badAddress", r.message());
            default -> r.failure() != null ? new ErrorWords(i18n).say(r.failure()) : r.message();
        };
        return new SettingsViewModel.ConnectionTester.Result(r.ok(), message);
    }

    private void rememberDownloadFolder(Session session, Path folder) {
        SettingsStore store = new SettingsStore(session.paths().config());
        ui.run(
                () -> {
                    store.save(store.load().withDownloadFolder(folder));
                    return folder;
                },
                p -> {},
                e -> alert(e));
    }

    private void alert(Throwable e) {
        I18n i18n = new I18n(current == null ? Locale.getDefault() : localeOf(current.session()));
        Alert a = new Alert(Alert.AlertType.ERROR, i18n.get("session.switchFailed", new ErrorWords(i18n).say(e)));
        a.setHeaderText(null);
        if (stage.isShowing()) {
            a.initOwner(stage);
        }
        a.show();
    }

    /** Remembers the window's layout and closes the session (the app is leaving). */
    void close() {
        if (rememberLayout && window != null && current != null && stage.getScene() != null) {
            try {
                window.state(
                                stage.getX(),
                                stage.getY(),
                                stage.getScene().getWidth(),
                                stage.getScene().getHeight(),
                                stage.isMaximized())
                        .save(current.session().paths().config());
            } catch (IOException e) {
                LOG.warn("Could not remember the window's size and place", e);
            }
        }
        if (window != null) {
            window.close();
        }
        if (current != null) {
            current.close();
        }
    }
}
