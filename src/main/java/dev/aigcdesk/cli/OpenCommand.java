package dev.aigcdesk.cli;

import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.app.WindowOpener;
import dev.aigcdesk.domain.TaskId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "open",
        description = {
            "Open the window, with these tasks added.",
            "--snapshot renders the window to a PNG once its previews have loaded (at most 15 s), then exits."
        })
public final class OpenCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Task ids to add.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--snapshot", paramLabel = "FILE", description = "Write a PNG of the window and exit.")
    Path snapshot;

    @Option(
            names = "--select",
            paramLabel = "ID[,ID...]",
            split = ",",
            description = "With --snapshot: the task(s) to show (several for compare).")
    List<String> select = new ArrayList<>();

    @Option(
            names = "--view",
            paramLabel = "list|grid|viewer|compare",
            description = "With --snapshot: what to show (default: ${DEFAULT-VALUE}).")
    String view = "list";

    @Option(
            names = "--lang",
            paramLabel = "en|zh-CN",
            description = "With --snapshot: the language, instead of Settings'.")
    String lang;

    @Option(
            names = "--size",
            paramLabel = "WxH",
            description = "With --snapshot: window size (default: ${DEFAULT-VALUE}).")
    String size = "1440x900";

    @Option(names = "--theme", paramLabel = "light|dark", description = "With --snapshot: the theme.")
    String theme;

    private final WindowOpener windows;

    public OpenCommand(SessionFactory sessions, WindowOpener windows) {
        this.windows = windows;
    }

    @Override
    public Integer call() throws Exception {
        List<TaskId> add = CliIds.parseAll(spec, ids);
        WindowOpener.Snapshot shot = null;
        if (snapshot != null) {
            String[] wh = size.toLowerCase(Locale.ROOT).split("x");
            int w;
            int h;
            try {
                w = Integer.parseInt(wh[0].strip());
                h = Integer.parseInt(wh[1].strip());
            } catch (RuntimeException e) {
                throw new ParameterException(spec.commandLine(), "--size takes WIDTHxHEIGHT, for example 1440x900");
            }
            if (theme != null && !theme.equals("light") && !theme.equals("dark")) {
                throw new ParameterException(spec.commandLine(), "--theme takes light or dark");
            }
            if (!List.of("list", "grid", "viewer", "compare", "generate").contains(view)) {
                throw new ParameterException(
                        spec.commandLine(), "--view takes list, grid, viewer, compare or generate");
            }
            if (lang != null && !List.of("en", "zh-CN").contains(lang)) {
                throw new ParameterException(spec.commandLine(), "--lang takes en or zh-CN");
            }
            shot = new WindowOpener.Snapshot(
                    snapshot.toAbsolutePath(), CliIds.parseAll(spec, select), w, h, theme, view, lang);
        }
        if (windows == null) {
            spec.commandLine()
                    .getErr()
                    .println("The window is not available in this build; use a command such as 'list' or 'sync'.");
            return 1;
        }
        return windows.open(root.options(), add, shot);
    }
}
