package dev.aigcdesk;

import dev.aigcdesk.app.LibraryOpener;
import dev.aigcdesk.app.Wiring;
import dev.aigcdesk.cli.Cli;
import dev.aigcdesk.config.AppPaths;
import dev.aigcdesk.ui.shell.DesktopShell;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The entry point. A plain class, not a JavaFX {@code Application}, so the app runs from the class
 * path. It points the log at the right folder before anything logs.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        AppPaths paths = AppPaths.resolve(homeArgument(args), env);
        System.setProperty("aigcdesk.logdir", logFolder(paths.logs()).toString());
        // The logging library's own chatter never reaches the terminal; the log file and the app's messages say what matters.
        System.setProperty("logback.statusListenerClass", "ch.qos.logback.core.status.NopStatusListener");
        Thread.setDefaultUncaughtExceptionHandler((thread, e) ->
                LoggerFactory.getLogger(Launcher.class).error("Uncaught exception in thread {}", thread.getName(), e));
        System.setProperty("java.net.useSystemProxies", "true");
        Wiring wiring = new Wiring(env, Clock.systemDefaultZone());
        DesktopShell window = new DesktopShell(new LibraryOpener(wiring), wiring::keyStore, wiring.connectionCheck());
        int code = new Cli(wiring, window).run(args, System.out, System.err);
        System.exit(code);
    }

    /**
     * The log folder, or the temporary folder's when it cannot be made (an unusable AIGC_DESK_HOME): the command then
     * says in one line what is wrong with the home, instead of the log set-up failing on the terminal first.
     */
    static Path logFolder(Path wanted) {
        try {
            java.nio.file.Files.createDirectories(wanted);
            if (java.nio.file.Files.isWritable(wanted)) {
                return wanted;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // Falls through to the temporary folder.
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "aigc-desk-logs");
    }

    /** {@code --home DIR} or {@code --home=DIR}, read early because the log folder depends on it. */
    static Path homeArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--home") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--home=")) {
                return Path.of(args[i].substring("--home=".length()));
            }
        }
        return null;
    }
}
