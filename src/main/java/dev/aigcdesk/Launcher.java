package dev.aigcdesk;

import dev.aigcdesk.app.LibraryOpener;
import dev.aigcdesk.app.SessionOptions;
import dev.aigcdesk.app.Wiring;
import dev.aigcdesk.cli.Cli;
import dev.aigcdesk.config.AppPaths;
import dev.aigcdesk.ui.shell.DesktopShell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The entry point. A plain class, not a JavaFX {@code Application}, so the app runs from the class
 * path. It points the log at the right folder before anything logs.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        AppPaths paths = AppPaths.resolve(homeArgument(args), env);
        System.setProperty("aigcdesk.logdir", logFolder(paths.logs()).toString());
        // The logging library's own chatter never reaches the terminal; the log file and the app's messages say what
        // matters.
        System.setProperty("logback.statusListenerClass", "ch.qos.logback.core.status.NopStatusListener");
        Thread.setDefaultUncaughtExceptionHandler((thread, e) ->
                LoggerFactory.getLogger(Launcher.class).error("Uncaught exception in thread {}", thread.getName(), e));
        System.setProperty("java.net.useSystemProxies", "true");
        Wiring wiring = new Wiring(env, Clock.systemDefaultZone());
        DesktopShell window = new DesktopShell(new LibraryOpener(wiring), wiring::keyStore, wiring.connectionCheck());
        Optional<SessionOptions> quick = windowOnly(args, env);
        int code;
        if (quick.isPresent()) {
            // The everyday start (a menu entry, "aigc-desk", "aigc-desk --demo"): straight to the window, without
            // the command-line parser's classes on the way to the first frame.
            try {
                code = window.open(quick.get(), List.of(), null);
            } catch (Exception e) {
                LoggerFactory.getLogger(Launcher.class).error("The window could not start", e);
                System.err.println("Error: " + e.getMessage());
                code = 1;
            }
        } else {
            code = new Cli(wiring, window).run(args, System.out, System.err);
        }
        System.exit(code);
    }

    /**
     * The log folder, or the temporary folder's when it cannot be made (an unusable AIGC_DESK_HOME): the command then
     * says in one line what is wrong with the home, instead of the log set-up failing on the terminal first.
     */
    static Path logFolder(Path wanted) {
        try {
            Files.createDirectories(wanted);
            if (Files.isWritable(wanted)) {
                return wanted;
            }
        } catch (IOException | RuntimeException e) {
            // Falls through to the temporary folder.
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "aigc-desk-logs");
    }

    /**
     * The window's options when the arguments ask for nothing but the window ({@code --demo}, {@code --home DIR})
     * on a desktop; empty when the command line has to read them (any command or other option, the terminal
     * launcher, or no display: then it prints the usage).
     */
    static Optional<SessionOptions> windowOnly(String[] args, Map<String, String> env) {
        boolean desktop = env.get("DISPLAY") != null
                || env.get("WAYLAND_DISPLAY") != null
                || System.getProperty("os.name", "").toLowerCase(Locale.ROOT).matches(".*(win|mac).*");
        if (Boolean.getBoolean("aigcdesk.cli") || !desktop) {
            return Optional.empty();
        }
        boolean demo = false;
        Path home = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--demo")) {
                demo = true;
            } else if (args[i].equals("--home") && i + 1 < args.length) {
                home = Path.of(args[++i]);
            } else if (args[i].startsWith("--home=")) {
                home = Path.of(args[i].substring("--home=".length()));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new SessionOptions(null, null, demo, home));
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
