package dev.aigcdesk.cli;

import dev.aigcdesk.app.Session;
import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.domain.TaskId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "rate",
        description = "Give tasks 0 to 5 stars (0 clears them). All or nothing: an unknown id changes nothing.")
public final class RateCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Task ids.")
    List<String> ids;

    @Option(names = "--stars", required = true, paramLabel = "N", description = "0 to 5; 0 clears.")
    int stars;

    private final SessionFactory sessions;

    public RateCommand(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Integer call() throws Exception {
        if (stars < 0 || stars > 5) {
            throw new ParameterException(spec.commandLine(), "--stars takes 0 to 5, not " + stars);
        }
        List<TaskId> taskIds = CliIds.parseAll(spec, ids);
        try (Session session = sessions.open(root.options())) {
            return CurationChange.report(
                    spec,
                    session.ledger().curator().rate(taskIds, stars),
                    (stars == 0
                                    ? "Cleared the stars of "
                                    : "Gave " + stars + " star" + (stars == 1 ? "" : "s") + " to ")
                            + taskIds.size() + " task" + (taskIds.size() == 1 ? "" : "s") + ".");
        }
    }
}
