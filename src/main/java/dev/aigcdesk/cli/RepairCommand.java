package dev.aigcdesk.cli;

import dev.aigcdesk.app.Session;
import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.sync.LibraryRepair;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "repair",
        description = {
            "Rebuild a damaged library from what it still holds (its rows, read page by page, with the service's saved",
            "answers), from the archive itself (the task in every archived PNG, JPEG and sidecar, with stars, tags and collections), and from the",
            "service, asked again about task ids whose rows are lost (it answers for 3 days). Exits 3 when it recovered fewer tasks than it found,",
            "and names them. The damaged file is kept beside the new one; nothing is deleted.",
            "On a team library nothing is rebuilt: the team is checked against this desktop's archive, and the generations whose files are",
            "here but whose records the team lost (or files it does not know were saved) come back."
        })
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

    /**
     * On a team nothing is rebuilt or replaced (the studio's PostgreSQL and its backups keep the records): the
     * team is checked against this desktop's archive, and what the files here hold that the team lost comes back.
     */
    private int repairTeam(Session session, PrintWriter out) throws Exception {
        out.println("Checking the team library " + session.libraryLocation() + " against the files in "
                + session.archiveFolder() + " …");
        out.flush();
        LibraryRepair.Result r =
                new LibraryRepair(session.clock(), session.queryClient()).rebuild(session.rescue(), session.store());
        out.printf(
                "Brought back %d task%s the team library had lost (%d from the files here, %d told again by the service),"
                        + " and re-linked %d file%s saved here that it did not know were saved. Nothing was removed.%n",
                r.fromArchive() + r.fromService(),
                r.fromArchive() + r.fromService() == 1 ? "" : "s",
                r.fromArchive(),
                r.fromService(),
                r.files(),
                r.files() == 1 ? "" : "s");
        if (r.fromService() > 0 || !r.unasked().isEmpty()) {
            out.println("Tasks told again by the service are in the collection '" + LibraryRepair.RECOVERED_COLLECTION
                    + "'.");
        }
        out.println("The team's records themselves are kept by the studio's PostgreSQL backups. Run 'aigc-desk sync'"
                + " to send the files to the team's store.");
        return ExitCodes.OK;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Session session = sessions.open(root.options())) {
            String db = session.libraryLocation();
            if (session.onTeam()) {
                return repairTeam(session, out);
            }
            if (!session.libraryExists() && !force) {
                out.println("There is no library at " + db + "; to rebuild one from the archive in "
                        + session.archiveFolder() + ", use --force.");
                return ExitCodes.OK;
            }
            if (!force) {
                try {
                    session.probeLibrary();
                    out.println(
                            "The library at " + db + " reads fine; nothing to repair (use --force to rebuild anyway).");
                    return ExitCodes.OK;
                } catch (LibraryException e) {
                    if (e.kind() != LibraryException.Kind.CORRUPT) {
                        throw e;
                    }
                    out.println(e.getMessage());
                }
            }
            LibraryRepair.Result r = new LibraryRepair(session.clock(), session.queryClient(), (done, total) -> {
                        if (done == 1 || done == total || done % 25 == 0) {
                            out.printf(
                                    "Asking the service again about the tasks whose rows were lost: %d of %d%n",
                                    done, total);
                            out.flush();
                        }
                    })
                    .rebuild(session.rescue(), session.store());
            out.printf(
                    "Rebuilt the library: %d of %d tasks recovered with their prompt (%d from the answers the library had saved, %d from the archived "
                            + "files, %d told again by the service, %d from the search index's copy of their words), %d archived files re-linked.%n",
                    r.tasks(), r.found(), r.fromAnswers(), r.fromArchive(), r.fromService(), r.fromIndex(), r.files());
            if (r.fromService() > 0 || !r.unasked().isEmpty()) {
                out.println("Tasks told again by the service are in the collection '"
                        + LibraryRepair.RECOVERED_COLLECTION + "'.");
            }
            if (r.keptAside() != null) {
                out.println("The damaged file is kept at " + r.keptAside());
            }
            if (!r.complete()) {
                PrintWriter err = spec.commandLine().getErr();
                err.printf("Recovered %d of the %d tasks the library had.%n", r.tasks(), r.found());
                if (!r.gone().isEmpty()) {
                    err.printf(
                            "%d task%s could not be brought back: no row, no archived file, and the service no longer answers for them "
                                    + "(it keeps tasks 3 days):%n",
                            r.gone().size(), r.gone().size() == 1 ? "" : "s");
                    r.gone().forEach(id -> err.println("  GONE " + id));
                }
                if (!r.unasked().isEmpty()) {
                    err.printf(
                            "%d task%s could not be asked about now; they are kept by id, and 'aigc-desk sync' asks again:%n",
                            r.unasked().size(), r.unasked().size() == 1 ? "" : "s");
                    r.unasked().forEach(id -> err.println("  NOT ASKED " + id));
                }
                err.flush();
                return ExitCodes.LOST;
            }
            out.println("Run 'aigc-desk sync' to refresh what the service still answers for.");
        }
        return ExitCodes.OK;
    }
}
