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
        System.setProperty("aigcdesk.logdir", paths.logs().toString());
        Thread.setDefaultUncaughtExceptionHandler((thread, e) ->
                LoggerFactory.getLogger(Launcher.class).error("Uncaught exception in thread {}", thread.getName(), e));
        System.setProperty("java.net.useSystemProxies", "true");
        Wiring wiring = new Wiring(env, Clock.systemDefaultZone());
        DesktopShell window = new DesktopShell(new LibraryOpener(wiring), wiring::keyStore, wiring.connectionCheck());
        int code = new Cli(wiring, window).run(args, System.out, System.err);
        System.exit(code);
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
