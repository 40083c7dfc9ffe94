package dev.aigcdesk.cli;

import dev.aigcdesk.app.Session;
import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.domain.TaskId;
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

@Command(
        name = "tag",
        description = {
            "Add and remove tags (any text, matched ignoring case; a tag keeps its first spelling).",
            "All or nothing: an unknown id changes nothing."
        })
public final class TagCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Task ids.")
    List<String> ids;

    @Option(names = "--add", paramLabel = "TAG", description = "A tag to add (repeatable).")
    List<String> add = new ArrayList<>();

    @Option(names = "--remove", paramLabel = "TAG", description = "A tag to remove (repeatable).")
    List<String> remove = new ArrayList<>();

    private final SessionFactory sessions;

    public TagCommand(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Integer call() throws Exception {
        if (add.stream().allMatch(String::isBlank) && remove.stream().allMatch(String::isBlank)) {
            throw new ParameterException(spec.commandLine(), "Say what to do: --add TAG or --remove TAG");
        }
        List<TaskId> taskIds = CliIds.parseAll(spec, ids);
        try (Session session = sessions.open(root.options())) {
            return CurationChange.report(
                    spec,
                    session.ledger().curator().tag(taskIds, add, remove),
                    "Tagged " + taskIds.size() + " task" + (taskIds.size() == 1 ? "" : "s") + ".");
        }
    }
}
