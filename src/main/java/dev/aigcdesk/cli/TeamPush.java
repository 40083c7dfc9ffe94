package dev.aigcdesk.cli;

import dev.aigcdesk.app.Session;
import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.store.HashStore;
import dev.aigcdesk.sync.LibraryPush;
import dev.aigcdesk.sync.TeamShelf;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "push",
        description = {
            "Copy this desktop's own library into the team: tasks, answers, stars, tags, collections, how each was",
            "made, and the saved files (into the team's store). Tags and collections merge; running it again changes nothing."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:everything is in the team",
            "1:some files could not be sent (listed)",
            "6:the team did not answer"
        })
final class TeamPush implements Callable<Integer> {

    @ParentCommand
    TeamCommand parent;

    @Spec
    CommandSpec spec;

    private final SessionFactory sessions;

    TeamPush(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Session session = sessions.open(parent.root.options())) {
            HashStore store = session.teamShelf().map(TeamShelf::store).orElse(null);
            LibraryPush.Result r = session.team().push(session.ledger(), store, line -> {
                out.println(line);
                out.flush();
            });
            out.printf(
                    "Pushed: %d task%s added to the team, %d merged, %d file%s sent%s.%n",
                    r.added(),
                    r.added() == 1 ? "" : "s",
                    r.merged(),
                    r.filesSent(),
                    r.filesSent() == 1 ? "" : "s",
                    store == null ? " (the team keeps no shared files)" : " to " + store.location());
            for (String p : r.problems()) {
                spec.commandLine().getErr().println("  not sent: " + p);
            }
            return r.problems().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
