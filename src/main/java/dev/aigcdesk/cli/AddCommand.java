package dev.aigcdesk.cli;

import dev.aigcdesk.app.Session;
import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.domain.TaskIdScan;
import dev.aigcdesk.io.TextDecoding;
import dev.aigcdesk.library.AddResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "add",
        description = {
            "Add task ids to the library, from arguments, a file or stdin, in any text:",
            "one per line, CSV, JSON, a pasted chat message. Works offline; 'sync' fetches them."
        })
public final class AddCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Task ids.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--from", paramLabel = "FILE", description = "Read ids from a file, or '-' for stdin.")
    String from;

    private final SessionFactory sessions;

    public AddCommand(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Integer call() throws Exception {
        StringBuilder text = new StringBuilder(String.join("\n", ids));
        if (from != null) {
            text.append('\n')
                    .append(TextDecoding.decode(
                            from.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(from))));
        }
        TaskIdScan scan = TaskIdScan.of(text);
        PrintWriter out = spec.commandLine().getOut();
        try (Session session = sessions.open(root.options())) {
            AddResult r = session.ledger().add(scan.ids(), session.clock().instant());
            int invalid = scan.invalid().size();
            out.printf(
                    "Added %d, already present %d, invalid %d.%n",
                    r.added().size(), r.alreadyPresent().size(), invalid);
            for (String bad : scan.invalid()) {
                out.println("  not a valid task id: " + bad);
            }
            if (!r.added().isEmpty()) {
                out.println("Run 'aigc-desk sync' to fetch them.");
            }
            return scan.ids().isEmpty() && invalid > 0 ? 1 : 0;
        }
    }
}
