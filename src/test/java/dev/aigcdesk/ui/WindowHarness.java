package dev.aigcdesk.ui;

import atlantafx.base.theme.PrimerLight;
import dev.aigcdesk.app.LibraryOpener;
import dev.aigcdesk.app.OpenLibrary;
import dev.aigcdesk.app.Session;
import dev.aigcdesk.app.SessionOptions;
import dev.aigcdesk.app.Wiring;
import dev.aigcdesk.config.WindowState;
import dev.aigcdesk.demo.DemoCatalog;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.testing.MutableClock;
import dev.aigcdesk.ui.common.Desk;
import dev.aigcdesk.ui.common.FxUiExecutor;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Words;
import dev.aigcdesk.ui.main.MainWindow;
import dev.aigcdesk.ui.shell.WindowComposition;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window on a real session (demo service or a loopback server), with a clock the test moves. */
final class WindowHarness implements AutoCloseable {

    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final Session session;
    final MainWindow window;
    final FxUiExecutor ui = new FxUiExecutor(2);

    WindowHarness(Stage stage, Path home, SessionOptions options, Locale locale) throws Exception {
        Wiring wiring = new Wiring(Map.of("AIGC_DESK_HOME", home.toString(), "AIGC_DESK_KEYCHAIN", "off"), clock);
        OpenLibrary opened = new LibraryOpener(wiring).open(null, options, List.of());
        session = opened.session();
        Desk desk = WindowComposition.services(opened);
        Words words = new Words(new I18n(locale), ZoneOffset.UTC);
        window = new MainWindow(
                WindowComposition.viewModels(desk, ui),
                desk,
                ui,
                words,
                new MainWindow.Host() {
                    @Override
                    public void openSettings() {}

                    @Override
                    public void tryDemo() {}

                    @Override
                    public void toggleTheme() {}
                },
                WindowState.DEFAULT);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets()
                .add(WindowHarness.class.getResource("/dev/aigcdesk/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    static SessionOptions demo(Path home) {
        return new SessionOptions(null, null, true, home);
    }

    static TaskId demoId(String name) {
        return DemoCatalog.sample(name);
    }

    List<TaskId> demoIds() {
        return DemoCatalog.standard().answeredIds();
    }

    @Override
    public void close() {
        try {
            WaitForAsyncUtils.asyncFx(window::close).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        session.close();
        ui.close();
    }
}
