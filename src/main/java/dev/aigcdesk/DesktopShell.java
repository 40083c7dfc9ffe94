package dev.aigcdesk;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.aigcdesk.api.ApiException;
import dev.aigcdesk.api.ApiSettings;
import dev.aigcdesk.api.AuthenticationFailedException;
import dev.aigcdesk.api.HttpClients;
import dev.aigcdesk.api.QueryClient;
import dev.aigcdesk.api.RateLimiter;
import dev.aigcdesk.api.RetryPolicy;
import dev.aigcdesk.api.Sleeper;
import dev.aigcdesk.api.TaskNotFoundException;
import dev.aigcdesk.cli.GlobalOptions;
import dev.aigcdesk.cli.Session;
import dev.aigcdesk.cli.WindowOpener;
import dev.aigcdesk.config.ConnectionOptions;
import dev.aigcdesk.config.Settings;
import dev.aigcdesk.config.SettingsStore;
import dev.aigcdesk.config.WindowState;
import dev.aigcdesk.demo.DemoCatalog;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.download.SaveCopy;
import dev.aigcdesk.library.Ledger;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.sync.LibraryRepair;
import dev.aigcdesk.sync.SyncService;
import dev.aigcdesk.system.DesktopActions;
import dev.aigcdesk.ui.common.Desk;
import dev.aigcdesk.ui.common.FxUiExecutor;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Words;
import dev.aigcdesk.ui.main.MainWindow;
import dev.aigcdesk.ui.settings.SettingsDialog;
import dev.aigcdesk.ui.settings.SettingsViewModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app: starts JavaFX, opens a session (the real library, or the demo's), shows the main
 * window on it, and reopens the session when the user switches to the demo or changes Settings.
 */
public final class DesktopShell implements WindowOpener {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopShell.class);
    private static final Duration SNAPSHOT_WAIT = Duration.ofSeconds(15);

    private final Wiring wiring;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger exitCode = new AtomicInteger();
    private Session session;
    private MainWindow window;
    private FxUiExecutor ui;
    private Stage stage;
    private GlobalOptions options;
    private boolean dark;

    public DesktopShell(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public int open(GlobalOptions options, List<TaskId> add, Snapshot snapshot) throws Exception {
        this.options = options;
        // The slow part (settings, keychain, demo service, library, sync lock) happens here, before JavaFX starts.
        Opened[] first = new Opened[1];
        Exception[] failure = new Exception[1];
        try {
            first[0] = prepare(options, add);
        } catch (Exception e) {
            failure[0] = e;
        }
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            try {
                if (failure[0] != null) {
                    throw failure[0];
                }
                start(first[0], add, snapshot);
            } catch (Exception | LinkageError e) {
                LOG.error("The window could not start", e);
                exitCode.set(1);
                // Launched from a menu there is no terminal: say it in a window before leaving.
                Alert alert = new Alert(Alert.AlertType.ERROR, new I18n(Locale.getDefault()).get("start.failed", e.getMessage(),
                        System.getProperty("aigcdesk.logdir", "logs")));
                alert.setHeaderText(null);
                alert.setOnHidden(x -> {
                    closed.countDown();
                    Platform.exit();
                });
                if (Boolean.getBoolean("aigcdesk.exitWhenShown")) {
                    closed.countDown();
                    Platform.exit();
                } else {
                    alert.show();
                }
            }
        });
        closed.await();
        return exitCode.get();
    }

    private void start(Opened prepared, List<TaskId> add, Snapshot snapshot) throws Exception {
        nameForWindowManager();
        ui = new FxUiExecutor(4);
        stage = new Stage();
        stage.setTitle("AIGC Desk");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = DesktopShell.class.getResource("/dev/aigcdesk/ui/icons/aigc-desk-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon.toExternalForm()));
            }
        }
        stage.setOnHidden(e -> shutdown());
        show(confirmDamaged(prepared, add), add);
        WindowState state = WindowState.load(session.paths().config());
        applyTheme(snapshot != null && snapshot.theme() != null ? snapshot.theme() : null);
        Scene scene = new Scene(window.root(), snapshot != null ? snapshot.width() : state.width(), snapshot != null ? snapshot.height() : state.height());
        scene.getStylesheets().add(DesktopShell.class.getResource("/dev/aigcdesk/ui/app.css").toExternalForm());
        stage.setScene(scene);
        cjkCapableFont().ifPresent(family -> scene.getRoot().setStyle("-fx-font-family: \"" + family + "\";"));
        if (snapshot == null) {
            state.position().ifPresent(p -> {
                stage.setX(p[0]);
                stage.setY(p[1]);
            });
            stage.setMaximized(state.maximized());
        }
        stage.show();
        if (Boolean.getBoolean("aigcdesk.exitWhenShown")) {
            // Start-up measurement (installer/startup-bench.sh): JVM start to the first shown window.
            long ms = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("shown-after-ms=" + ms);
            Platform.runLater(stage::hide);
            return;
        }
        if (snapshot != null) {
            takeSnapshot(snapshot);
        }
    }

    /** A session with its library open and its sync running (sync is null when another process syncs). */
    private record Opened(Session session, Ledger ledger, SyncService sync) {
    }

    /** Off the JavaFX thread: opens a session, its library, adds the given tasks and starts syncing. */
    private Opened prepare(GlobalOptions opts, List<TaskId> add) throws Exception {
        Session s = wiring.open(opts);
        try {
            Ledger ledger;
            try {
                ledger = s.ledger();
            } catch (LibraryException e) {
                if (e.kind() != LibraryException.Kind.CORRUPT) {
                    throw e;
                }
                return new Opened(s, null, null); // the window asks whether to rebuild it
            }
            return finish(s, ledger, add);
        } catch (Exception e) {
            s.close();
            throw e;
        }
    }

    private Opened finish(Session s, Ledger ledger, List<TaskId> add) throws LibraryException {
        List<TaskId> toAdd = new ArrayList<>(add);
        if (s.isDemo()) {
            toAdd.addAll(DemoCatalog.standard().answeredIds());
        }
        if (!toAdd.isEmpty()) {
            ledger.add(toAdd, s.clock().instant());
        }
        SyncService sync;
        try {
            sync = s.sync();
            sync.startBackground();
        } catch (LibraryException locked) {
            LOG.info("Showing the library without syncing: {}", locked.getMessage());
            sync = null;
        }
        return new Opened(s, ledger, sync);
    }

    /** A damaged library is reported, and the user may rebuild it from the answers it saved (a rare path, done in place). */
    private Opened confirmDamaged(Opened o, List<TaskId> add) throws Exception {
        if (o.ledger() != null) {
            return o;
        }
        LibraryException damaged;
        try {
            return finish(o.session(), o.session().ledger(), add);
        } catch (LibraryException e) {
            damaged = e;
        }
        I18n i18n = new I18n(localeOf(o.session().settings()));
        Alert alert = new Alert(Alert.AlertType.ERROR, damaged.getMessage());
        ButtonType rebuild = new ButtonType(i18n.get("library.damaged.rebuild"), ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(rebuild, ButtonType.CLOSE);
        alert.setHeaderText(i18n.get("library.damaged.title"));
        if (alert.showAndWait().orElse(ButtonType.CLOSE) != rebuild) {
            o.session().close();
            throw damaged;
        }
        new LibraryRepair(o.session().clock()).rebuild(o.session().paths().data().resolve(Ledger.FILE_NAME));
        return finish(o.session(), o.session().ledger(), add);
    }

    /** On the JavaFX thread: builds a fresh window on a prepared session; the previous one closes in the background. */
    private void show(Opened opened, List<TaskId> add) {
        Session previous = session;
        MainWindow previousWindow = window;
        session = opened.session();
        Ledger ledger = opened.ledger();
        SyncService sync = opened.sync();
        Settings settings = session.settings();
        I18n i18n = new I18n(localeOf(settings));
        Words words = new Words(i18n, session.clock().getZone());
        Desk desk = deskOf(session, ledger, sync);
        window = new MainWindow(desk, ui, words, new MainWindow.Host() {
            @Override
            public void openSettings() {
                DesktopShell.this.openSettings(i18n);
            }

            @Override
            public void tryDemo() {
                switchTo(true);
            }

            @Override
            public void toggleTheme() {
                dark = !dark;
                Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
            }
        }, WindowState.load(session.paths().config()));
        window.detail().lastFolderProperty().set(settings.downloadFolder());
        window.detail().lastFolderProperty().addListener((o, a, b) -> rememberDownloadFolder(b));
        if (!add.isEmpty()) {
            window.select(add.get(0));
        }
        if (stage.getScene() != null) {
            stage.getScene().setRoot(window.root());
            cjkCapableFont().ifPresent(family -> window.root().setStyle("-fx-font-family: \"" + family + "\";"));
        }
        stage.setTitle(session.isDemo() ? "AIGC Desk — Demo" : "AIGC Desk");
        if (previousWindow != null) {
            previousWindow.close();
        }
        if (previous != null) {
            ui.run(() -> {
                previous.close();
                return previous;
            }, closedSession -> { }, e -> LOG.warn("Closing the previous session failed", e));
        }
    }

    /** Switches to the demo (or back, or to new settings) without freezing the window while the session opens. */
    private void switchTo(boolean demo) {
        GlobalOptions next = options.withDemo(demo);
        ui.run(() -> prepare(next, List.of()), opened -> {
            try {
                show(confirmDamaged(opened, List.of()), List.of());
                options = next;
            } catch (Exception e) {
                LOG.error("Could not switch the session", e);
                new Alert(Alert.AlertType.ERROR, e.getMessage()).showAndWait();
            }
        }, e -> {
            LOG.error("Could not switch the session", e);
            new Alert(Alert.AlertType.ERROR, e.getMessage()).showAndWait();
        });
    }

    /**
     * The window manager's WM_CLASS, which matches the window to its menu entry (StartupWMClass);
     * JavaFX offers no public call for it. Left as "java" where the internal one is not reachable.
     */
    private static void nameForWindowManager() {
        try {
            Class<?> glass = Class.forName("com.sun.glass.ui.Application");
            Object app = glass.getMethod("GetApplication").invoke(null);
            glass.getMethod("setName", String.class).invoke(app, "aigc-desk");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("Could not name the application for the window manager: {}", e.toString());
        }
    }

    /** The services the window works through, for a session whose ledger and sync are open. */
    public static Desk deskOf(Session session, Ledger ledger, SyncService sync) {
        return new Desk(ledger, sync, session.events(), new SaveCopy(session.downloader()), new DesktopActions(), session.clock(),
                session.archiveFolder(), session.isDemo(), session.connection().hasKey());
    }

    private void openSettings(I18n i18n) {
        SettingsStore store = new SettingsStore(session.paths().config());
        SettingsViewModel vm = new SettingsViewModel(store, wiring.keyStore(session.paths()), this::testConnection, ui);
        vm.load(() -> {
            boolean envKey = session.connection().keySource() == ConnectionOptions.KeySource.ENVIRONMENT;
            new SettingsDialog(stage, vm, i18n, session.paths().archive(), envKey, s -> {
                if (s.theme() != Settings.Theme.SYSTEM) {
                    dark = s.theme() == Settings.Theme.DARK;
                    Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
                }
                switchTo(session.isDemo() && !vm.keyProperty().get().isBlank() ? false : session.isDemo());
            }).show();
        });
    }

    private SettingsViewModel.ConnectionTester.Result testConnection(String base, String key) throws InterruptedException {
        ApiSettings settings;
        try {
            settings = ApiSettings.defaults(base, key, wiring.info().version());
        } catch (IllegalArgumentException e) {
            return new SettingsViewModel.ConnectionTester.Result(false, e.getMessage());
        }
        var http = HttpClients.create(settings);
        QueryClient client = new QueryClient(settings, http, new RateLimiter(5), new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO),
                Sleeper.REAL, RandomGenerator.getDefault());
        try {
            client.query(TaskId.parse("1250000000-AigcImageTask-00000000000000000000000000000000t"));
            return new SettingsViewModel.ConnectionTester.Result(true, settingsText("settings.test.ok"));
        } catch (TaskNotFoundException expected) {
            return new SettingsViewModel.ConnectionTester.Result(true, settingsText("settings.test.connectedKey"));
        } catch (AuthenticationFailedException e) {
            return new SettingsViewModel.ConnectionTester.Result(false, e.getMessage());
        } catch (ApiException e) {
            return new SettingsViewModel.ConnectionTester.Result(false, e.getMessage());
        } finally {
            http.dispatcher().executorService().shutdown();
        }
    }

    private String settingsText(String key) {
        return new I18n(localeOf(session.settings())).get(key);
    }

    private void rememberDownloadFolder(Path folder) {
        SettingsStore store = new SettingsStore(session.paths().config());
        ui.run(() -> {
            store.save(store.load().withDownloadFolder(folder));
            return folder;
        }, p -> { }, e -> LOG.warn("Could not remember the download folder", e));
    }

    private void applyTheme(String forced) {
        Settings.Theme t = forced != null ? (forced.equals("dark") ? Settings.Theme.DARK : Settings.Theme.LIGHT) : session.settings().theme();
        dark = t == Settings.Theme.DARK || (t == Settings.Theme.SYSTEM && systemPrefersDark());
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    private static boolean systemPrefersDark() {
        String gtk = System.getenv("GTK_THEME");
        return gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark");
    }

    /**
     * On Linux, JavaFX falls back to only the first few fonts fontconfig sorts for "sans" (all DejaVu
     * on most machines), so Chinese prompts would show as boxes; a CJK family with its own Latin
     * glyphs is used for the whole window instead, when one is installed.
     */
    private static java.util.Optional<String> cjkCapableFont() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return java.util.Optional.empty();
        }
        List<String> installed = javafx.scene.text.Font.getFamilies();
        return java.util.stream.Stream.of("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
                "Droid Sans Fallback").filter(installed::contains).findFirst();
    }

    private static Locale localeOf(Settings s) {
        return s.locale() == null ? Locale.getDefault() : Locale.forLanguageTag(s.locale());
    }

    private void shutdown() {
        try {
            if (window != null && stage != null && stage.getScene() != null) {
                window.state(stage.getX(), stage.getY(), stage.getScene().getWidth(), stage.getScene().getHeight(), stage.isMaximized())
                        .save(session.paths().config());
            }
        } catch (IOException e) {
            LOG.warn("Could not remember the window's size and place", e);
        }
        if (window != null) {
            window.close();
        }
        if (session != null) {
            session.close();
        }
        if (ui != null) {
            ui.close();
        }
        closed.countDown();
        Platform.exit();
    }

    // ---- snapshot ------------------------------------------------------------------------------

    private void takeSnapshot(Snapshot shot) {
        long deadline = System.nanoTime() + SNAPSHOT_WAIT.toNanos();
        if (shot.select() != null) {
            window.select(shot.select());
        }
        PauseTransition poll = new PauseTransition(javafx.util.Duration.millis(250));
        poll.setOnFinished(e -> {
            if (shot.select() == null && window.list().selectedProperty().get() == null && !window.list().list().getItems().isEmpty()) {
                window.list().selectIndex(0);
            }
            boolean ready = window.detail().previewImages().stream().allMatch(i -> i.getProgress() >= 1) && !window.detail().previewImages().isEmpty()
                    && window.list().selectedProperty().get() != null;
            if (ready || System.nanoTime() > deadline) {
                PauseTransition settle = new PauseTransition(javafx.util.Duration.millis(400));
                settle.setOnFinished(x -> {
                    write(shot.file(), stage.getScene().snapshot(null));
                    stage.hide();
                });
                settle.play();
            } else {
                poll.playFromStart();
            }
        });
        poll.play();
    }

    private void write(Path file, WritableImage img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        try {
            if (file.getParent() != null) {
                java.nio.file.Files.createDirectories(file.getParent());
            }
            ImageIO.write(out, "png", file.toFile());
            LOG.info("Wrote a snapshot of the window to {}", file);
        } catch (IOException e) {
            LOG.error("Could not write the snapshot {}", file, e);
            exitCode.set(1);
        }
    }
}
