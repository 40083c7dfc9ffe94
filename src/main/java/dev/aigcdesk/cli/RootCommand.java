package dev.aigcdesk.cli;

import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.app.SessionOptions;
import dev.aigcdesk.app.WindowOpener;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(
        name = "aigc-desk",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        description = {"Track, preview and archive Tencent Cloud VOD AIGC image and video tasks.", ""},
        subcommands = {
            OpenCommand.class,
            AddCommand.class,
            ListCommand.class,
            ShowCommand.class,
            SyncCommand.class,
            QueryCommand.class,
            DownloadCommand.class,
            ExportCommand.class,
            RemoveCommand.class,
            RepairCommand.class,
            RateCommand.class,
            TagCommand.class,
            CollectionCommand.class,
            CreateCommand.class,
            DemoServerCommand.class,
            TeamCommand.class,
            DuplicatesCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done; nothing was lost",
            "1:something failed (service, network, key, a file not saved yet)",
            "2:usage error",
            "3:an output was lost (its link died before it was saved)",
            "4:another AIGC Desk holds this library's lock",
            "5:the archive or library cannot be written (missing or read-only folder, full disk)",
            "6:the team library did not answer (server down, network, refused password)"
        },
        footer = {
            "",
            "Environment:",
            "  AIGC_DESK_API_KEY   the API key (wins over saved settings)",
            "  AIGC_DESK_API_BASE  the service base URL",
            "  AIGC_DESK_HOME      keep everything in this folder",
            "",
            "With no command, the window opens. Try it without a key:  aigc-desk --demo"
        })
public final class RootCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    private final WindowOpener windows;

    public RootCommand(SessionFactory sessions, WindowOpener windows) {
        this.windows = windows;
    }

    /** No command: the window, or the usage where there is no window to open. */
    @Override
    public Integer call() throws Exception {
        // The installer's terminal launcher (aigc-desk-cli) sets aigcdesk.cli: there, no command means usage.
        if (windows == null
                || Boolean.getBoolean("aigcdesk.cli")
                || GraphicsEnvironment.isHeadless() && System.getenv("DISPLAY") == null && !isWindowsOrMac()) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return 0;
        }
        return windows.open(options(), List.of(), null);
    }

    private static boolean isWindowsOrMac() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("win") || os.contains("mac");
    }

    GlobalOptions global() {
        return global;
    }

    /** The global options, as the session takes them. */
    SessionOptions options() {
        return global.toSessionOptions();
    }
}
