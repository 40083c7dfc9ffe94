package dev.aigcdesk.cli;

import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.app.Session;

import dev.aigcdesk.library.Ledger;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.sync.LibraryRepair;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "repair", description = {"Rebuild a damaged library from what it still holds (the service's saved answers, row by row) and from the archive",
        "itself (the task JSON in every archived PNG and sidecar). Exits 3 when it recovered fewer tasks than it found.",
        "The damaged file is kept beside the new one; nothing is deleted."})
public final class RepairCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--force", description = "Rebuild even if the library opens without errors.")
    boolean force;

    private final SessionFactory sessions;

    public RepairCommand(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Session session = sessions.open(root.options())) {
            Path db = session.paths().data().resolve(Ledger.FILE_NAME);
            if (!Files.exists(db) && !force) {
                out.println("There is no library at " + db + "; to rebuild one from the archive in " + session.archiveFolder() + ", use --force.");
                return ExitCodes.OK;
            }
            if (!force) {
                try (Ledger probe = Ledger.open(db)) {
                    probe.count(dev.aigcdesk.library.TaskQuery.ALL);
                    probe.list(dev.aigcdesk.library.TaskQuery.ALL.page(0, 1));
                    out.println("The library at " + db + " reads fine; nothing to repair (use --force to rebuild anyway).");
                    return ExitCodes.OK;
                } catch (LibraryException e) {
                    if (e.kind() != LibraryException.Kind.CORRUPT) {
                        throw e;
                    }
                    out.println(e.getMessage());
                }
            }
            LibraryRepair.Result r = new LibraryRepair(session.clock()).rebuild(db, session.archiveFolder());
            out.printf("Rebuilt the library: %d tasks recovered (%d from the service's saved answers, %d from the archive), %d archived files re-linked.%n",
                    r.tasks(), r.fromAnswers(), r.fromArchive(), r.files());
            if (r.keptAside() != null) {
                out.println("The damaged file is kept at " + r.keptAside());
            }
            if (!r.complete()) {
                spec.commandLine().getErr().printf("Recovered %d of the %d tasks the library had; the others could not be read. "
                        + "Their files, if archived, are still in %s.%n", r.tasks(), r.found(), session.archiveFolder());
                return ExitCodes.LOST;
            }
            out.println("Run 'aigc-desk sync' to refresh what the service still answers for.");
        }
        return ExitCodes.OK;
    }
}
