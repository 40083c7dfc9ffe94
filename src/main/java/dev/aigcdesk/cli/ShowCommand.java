package dev.aigcdesk.cli;

import dev.aigcdesk.app.Session;
import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.domain.Catalog;
import dev.aigcdesk.domain.Expiry;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.TaskRecord;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "show",
        description = "Everything the library recorded about a task, including local file paths. Works offline.")
public final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "A task id.")
    String id;

    @Option(names = "--json", description = "As one JSON object.")
    boolean json;

    @Option(names = "--raw", description = "Print the service's latest answer exactly as it was received.")
    boolean raw;

    private final SessionFactory sessions;

    public ShowCommand(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Integer call() throws Exception {
        TaskId taskId = CliIds.parseAll(spec, List.of(id)).get(0);
        PrintWriter out = spec.commandLine().getOut();
        try (Session session = sessions.open(root.options())) {
            Optional<TaskRecord> found = session.ledger().find(taskId);
            if (found.isEmpty()) {
                spec.commandLine()
                        .getErr()
                        .println(taskId + " is not in the library. Add it with 'aigc-desk add " + taskId + "'.");
                return 1;
            }
            TaskRecord r = found.get();
            Library.RawAnswers answers = session.ledger().raw(taskId);
            if (raw) {
                out.println(answers.latest() == null ? "(no answer recorded yet)" : answers.latest());
                return 0;
            }
            if (json) {
                Map<String, Object> m = LibraryJson.of(session.json(), r);
                m.put("rawLatest", answers.latest());
                m.put("rawFirstFinish", answers.firstFinish());
                out.println(session.json().write(m));
                return 0;
            }
            out.print(new TaskText(session.clock()).render(r.task()));
            out.println("  Added:    " + r.addedAt()
                    + (r.refreshedAt() == null ? " · never answered yet" : " · last answer " + r.refreshedAt()));
            switch (r.reach()) {
                case OUT_OF_REACH ->
                    out.println("  Reach:    out of reach: the service no longer answers; the record is kept");
                case NOT_FOUND -> out.println("  Reach:    the service does not know this id");
                default -> {}
            }
            if (r.lastError() != null) {
                out.println("  Problem:  " + english(r.lastError()));
            }
            for (FileRecord f : r.files()) {
                out.print("  Saved " + f.index() + ":  ");
                switch (f.state()) {
                    case ARCHIVED ->
                        out.println("✓ " + f.localPath() + " (" + f.localSize() + " bytes, sha256 " + f.sha256Final()
                                + ")" + (f.flags().isEmpty() ? "" : " [" + String.join(", ", f.flags()) + "]"));
                    case PENDING ->
                        out.println("not yet"
                                + f.file()
                                        .expiry()
                                        .map(e -> " · " + Catalog.english().expiry(Expiry.of(e, session.clock())))
                                        .orElse("")
                                + (f.lastError() == null ? "" : " · last try: " + english(f.lastError())));
                    case EXPIRED -> out.println("LOST: it expired before it could be saved");
                    case FAILED -> out.println("cannot be saved: " + english(f.lastError()));
                }
            }
            out.println("  Raw answers kept: " + (answers.latest() == null ? "none yet" : "latest")
                    + (answers.firstFinish() == null ? "" : " and first FINISH") + " (show --raw prints them)");
        }
        return 0;
    }

    private static String english(String problem) {
        return Catalog.english().problem(problem);
    }
}
