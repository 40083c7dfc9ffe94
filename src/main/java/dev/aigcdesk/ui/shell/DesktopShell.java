package dev.aigcdesk.ui.shell;

import dev.aigcdesk.api.ConnectionCheck;
import dev.aigcdesk.app.LibraryOpener;
import dev.aigcdesk.app.OpenLibrary;
import dev.aigcdesk.app.Session;
import dev.aigcdesk.app.SessionOptions;
import dev.aigcdesk.app.WindowOpener;
import dev.aigcdesk.config.ApiKeyStore;
import dev.aigcdesk.config.AppPaths;
import dev.aigcdesk.config.Settings;
import dev.aigcdesk.config.WindowState;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.ui.common.ErrorWords;
import dev.aigcdesk.ui.common.FxUiExecutor;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Theme;
import dev.aigcdesk.ui.tasklist.FirstPage;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's lifecycle: opens the first session before JavaFX starts, shows the main window
 * on it, and leaves when the window closes. Everything the window does with sessions goes through
 * {@link SessionSwitcher}.
 */
public final class DesktopShell implements WindowOpener {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopShell.class);

    private final LibraryOpener opener;
    private final Function<AppPaths, ApiKeyStore> keyStores;
    private final ConnectionCheck connectionCheck;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger exitCode = new AtomicInteger();

    public DesktopShell(
            LibraryOpener opener, Function<AppPaths, ApiKeyStore> keyStores, ConnectionCheck connectionCheck) {
        this.opener = opener;
        this.keyStores = keyStores;
        this.connectionCheck = connectionCheck;
    }

    @Override
    public int open(SessionOptions options, List<TaskId> add, Snapshot snapshot) throws Exception {
        // The slow part (settings, keychain, demo service, SQLite, the library, its sync lock) runs while JavaFX
        // starts its toolkit: on two cores the two take about as long as the slower of them, not their sum.
        // The first page is read next, while the window is built.
        CompletableFuture<Ready> opening = new CompletableFuture<>();
        CompletableFuture<FirstPage> firstPage = new CompletableFuture<>();
        Thread worker = new Thread(
                () -> {
                    OpenLibrary first;
                    try {
                        first = opener.open(null, options, add);
                        opening.complete(new Ready(
                                first, WindowState.load(first.session().paths().config())));
                    } catch (Throwable e) {
                        opening.completeExceptionally(e);
                        firstPage.completeExceptionally(e);
                        return;
                    }
                    firstPage.complete(firstPage(first));
                },
                "library-open");
        worker.setDaemon(true);
        worker.start();
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            Ready ready = null;
            try {
                ready = opening.join();
                start(ready.opened(), ready.state(), firstPage, options, add, snapshot);
            } catch (Exception | LinkageError e) {
                if (ready != null) {
                    ready.opened().close();
                }
                startFailed(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            }
        });
        closed.await();
        return exitCode.get();
    }

    /** The first library, opened, with the window's remembered layout. */
    private record Ready(OpenLibrary opened, WindowState state) {}

    /** The new window's first page, read now so its first frame has its rows; null if it cannot be (the window then reads it). */
    private static FirstPage firstPage(OpenLibrary opened) {
        if (opened.damaged()) {
            return null;
        }
        try {
            return FirstPage.ofNewWindow(opened.ledger(), opened.session().clock());
        } catch (LibraryException | RuntimeException e) {
            LOG.info("Could not read the first page ahead: {}", e.toString());
            return null;
        }
    }

    private void start(
            OpenLibrary opened,
            WindowState state,
            CompletableFuture<FirstPage> firstPage,
            SessionOptions options,
            List<TaskId> add,
            Snapshot snapshot) {
        nameForWindowManager();
        FxUiExecutor ui = new FxUiExecutor(4);
        Stage stage = new Stage();
        stage.setTitle("AIGC Desk");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = DesktopShell.class.getResource("/dev/aigcdesk/ui/icons/aigc-desk-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon.toExternalForm()));
            }
        }
        Theme theme = new Theme();
        Settings.Theme choice = snapshot != null && snapshot.theme() != null
                ? (snapshot.theme().equals("dark") ? Settings.Theme.DARK : Settings.Theme.LIGHT)
                : opened.session().settings().theme();
        theme.apply(choice);
        SessionSwitcher switcher = new SessionSwitcher(stage, ui, opener, keyStores, connectionCheck, theme, options);
        if (snapshot != null) {
            switcher.forgetLayout();
        }
        if (snapshot != null && snapshot.lang() != null) {
            switcher.forceLocale(Locale.forLanguageTag(snapshot.lang()));
        }
        stage.setOnHidden(e -> {
            switcher.close();
            ui.close();
            closed.countDown();
            Platform.exit();
        });
        switcher.showFirst(
                opened,
                state,
                add,
                snapshot == null ? null : new WindowSnapshot(snapshot, () -> exitCode.set(1)),
                snapshot == null ? null : new double[] {snapshot.width(), snapshot.height()},
                firstPage);
        if (Boolean.getBoolean("aigcdesk.exitWhenShown")) {
            // Start-up measurement (the bench): JVM start to the main window shown with its first page of rows drawn.
            Runnable report = () -> {
                long ms = System.currentTimeMillis()
                        - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("shown-after-ms=" + ms);
                if (Boolean.getBoolean("aigcdesk.scrollProbe") && switcher.window() != null) {
                    new ScrollProbe(switcher.window(), stage::hide).run();
                } else {
                    Platform.runLater(stage::hide);
                }
            };
            if (switcher.window() != null) {
                switcher.window().onFirstPage(report);
            } else {
                report.run();
            }
        }
    }

    private void startFailed(Throwable e) {
        LOG.error("The window could not start", e);
        exitCode.set(1);
        // Launched from a menu there is no terminal: say it in a window before leaving.
        I18n i18n = new I18n(Locale.getDefault());
        Alert alert = new Alert(
                Alert.AlertType.ERROR,
                i18n.get("start.failed", new ErrorWords(i18n).say(e), System.getProperty("aigcdesk.logdir", "logs")));
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

    /** For a session's locale: Settings' language, else the system's. */
    static Locale localeOf(Session s) {
        return s.settings().locale() == null
                ? Locale.getDefault()
                : Locale.forLanguageTag(s.settings().locale());
    }
}
