package dev.aigcdesk.cli;

import dev.aigcdesk.app.Session;
import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.download.provenance.ProvenanceWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "remove",
        description = {
            "Remove tasks from the library. Their saved files stay unless --delete-files is given,",
            "which deletes only files inside the archive folder."
        })
public final class RemoveCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Task ids.")
    List<String> ids;

    @Option(names = "--delete-files", description = "Also delete their archived files and sidecars.")
    boolean deleteFiles;

    private final SessionFactory sessions;

    public RemoveCommand(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Integer call() throws Exception {
        List<TaskId> taskIds = CliIds.parseAll(spec, ids);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int problems = 0;
        try (Session session = sessions.open(root.options())) {
            Path archive = session.archiveFolder().toAbsolutePath().normalize();
            for (TaskId id : taskIds) {
                if (session.ledger().find(id).isEmpty()) {
                    err.println(id + " is not in the library.");
                    problems++;
                    continue;
                }
                List<Path> files = session.ledger()
                        .removals()
                        .remove(id)
                        .map(r -> r.files())
                        .orElse(List.of());
                out.println("Removed " + id
                        + (files.isEmpty() || deleteFiles
                                ? ""
                                : "; its " + files.size() + " saved file(s) stay in " + archive));
                if (deleteFiles) {
                    for (Path f : files) {
                        Path p = f.toAbsolutePath().normalize();
                        if (!p.startsWith(archive)) {
                            err.println("  kept " + p + ": it is outside the archive folder");
                            continue;
                        }
                        try {
                            Files.deleteIfExists(p);
                            Files.deleteIfExists(ProvenanceWriter.sidecarOf(p));
                            out.println("  deleted " + p);
                        } catch (IOException e) {
                            problems++;
                            err.println("  could not delete " + p + ": " + e.getMessage());
                        }
                    }
                }
            }
        }
        return problems == 0 ? 0 : 1;
    }
}
