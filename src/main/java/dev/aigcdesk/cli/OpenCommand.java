package dev.aigcdesk.cli;

import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.app.WindowOpener;

import dev.aigcdesk.domain.TaskId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "open", description = {"Open the window, with these tasks added.",
        "--snapshot renders the window to a PNG once its previews have loaded (at most 15 s), then exits."})
public final class OpenCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Task ids to add.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--snapshot", paramLabel = "FILE", description = "Write a PNG of the window and exit.")
    Path snapshot;

    @Option(names = "--select", paramLabel = "ID", description = "With --snapshot: the task to show in the detail pane.")
    String select;

    @Option(names = "--size", paramLabel = "WxH", description = "With --snapshot: window size (default: ${DEFAULT-VALUE}).")
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
            String[] wh = size.toLowerCase(java.util.Locale.ROOT).split("x");
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
            shot = new WindowOpener.Snapshot(snapshot.toAbsolutePath(), select == null ? null : CliIds.parseAll(spec, List.of(select)).get(0), w, h, theme);
        }
        if (windows == null) {
            spec.commandLine().getErr().println("The window is not available in this build; use a command such as 'list' or 'sync'.");
            return 1;
        }
        return windows.open(root.options(), add, shot);
    }
}
