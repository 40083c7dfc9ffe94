package dev.aigcdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "aigc-desk", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = VersionProvider.class,
        description = {"Track, preview and archive Tencent Cloud VOD AIGC image and video tasks.", ""},
        subcommands = {AddCommand.class, ListCommand.class, ShowCommand.class, SyncCommand.class, QueryCommand.class, DownloadCommand.class,
                ExportCommand.class, RemoveCommand.class, RepairCommand.class, DemoServerCommand.class},
        footer = {"", "Environment:",
                "  AIGC_DESK_API_KEY   the API key (wins over saved settings)",
                "  AIGC_DESK_API_BASE  the service base URL",
                "  AIGC_DESK_HOME      keep everything in this folder",
                "", "Try it without a key:  aigc-desk --demo query 1250000000-AigcImageTask-<id>t"})
public final class RootCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    GlobalOptions global() {
        return global;
    }
}
