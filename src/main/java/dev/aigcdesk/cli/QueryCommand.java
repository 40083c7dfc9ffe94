package dev.aigcdesk.cli;

import dev.aigcdesk.api.ApiException;
import dev.aigcdesk.api.QueryResult;
import dev.aigcdesk.app.Session;
import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.domain.TaskId;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "query",
        description = "Ask the service about tasks and print what it says.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every id was answered", "1:a query failed (one line per failure on stderr)", "2:usage error"
        })
public final class QueryCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(QueryCommand.class);

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Task ids.")
    List<String> ids;

    @Option(names = "--json", description = "One JSON object per id, one per line.")
    boolean json;

    private final SessionFactory sessions;

    public QueryCommand(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Integer call() throws Exception {
        List<TaskId> taskIds = CliIds.parseAll(spec, ids);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TaskText text = new TaskText(Clock.systemDefaultZone());
        int failures = 0;
        try (Session session = sessions.open(root.options())) {
            for (TaskId id : taskIds) {
                try {
                    QueryResult result = session.queryClient().query(id);
                    out.println(json ? session.json().line(result.task()) : text.render(result.task()));
                } catch (ApiException e) {
                    failures++;
                    LOG.warn(
                            "Query of {} failed: {} {}",
                            id,
                            e.getMessage(),
                            e.details().describe());
                    err.println(id + ": " + e.getMessage() + " [" + e.code() + "]");
                    if (json) {
                        String message = e.details().serverMessage() != null
                                ? e.details().serverMessage()
                                : e.getMessage();
                        out.println(session.json()
                                .errorLine(id, e.code(), message, e.details().requestId()));
                    }
                }
                out.flush();
            }
        }
        err.flush();
        return failures == 0 ? 0 : 1;
    }
}
