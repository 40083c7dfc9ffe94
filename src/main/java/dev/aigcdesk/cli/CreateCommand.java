package dev.aigcdesk.cli;

import dev.aigcdesk.api.CreatedTask;
import dev.aigcdesk.app.Session;
import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.domain.GenerationRequest;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.library.TaskRecord;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Starts paid generations. Never asks for confirmation (scripts run it with no terminal); the new task
 * is in the library at once, waiting, and {@code sync} follows it to the end like any other.
 */
@Command(
        name = "create",
        description = {
            "Start a new generation (paid work on your account), or generate a task again with changes.",
            "The new task is added to the library at once; 'sync' or the window follow it and archive its files."
        },
        subcommands = {CreateCommand.Image.class, CreateCommand.Video.class, CreateCommand.Again.class})
public final class CreateCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    public CreateCommand(SessionFactory sessions) {
        // The subcommands are given the session factory themselves.
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    /** What the three share: the flags, sending, recording, and the one-line answer. */
    abstract static class Start implements Callable<Integer> {
        @ParentCommand
        CreateCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        GenerationOptions flags;

        @CommandLine.Option(names = "--json", description = "Print {\"taskId\": ..., \"requestId\": ...} on one line.")
        boolean json;

        final SessionFactory sessions;

        Start(SessionFactory sessions) {
            this.sessions = sessions;
        }

        /** {@code create image} and {@code create video}: the flags alone make the request. */
        Integer startNew(TaskKind kind) throws Exception {
            try (Session session = sessions.open(parent.root.options())) {
                return send(session, flags.toRequest(kind), null);
            }
        }

        Integer send(Session session, GenerationRequest request, TaskId from) throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<String> missing = request.missing();
            if (!missing.isEmpty()) {
                spec.commandLine()
                        .getErr()
                        .println("Error: a generation needs " + String.join(", ", missing)
                                + " (--model, --model-version, --prompt).");
                return ExitCodes.USAGE;
            }
            CreatedTask created = session.generator().create(request, from);
            if (json) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("taskId", created.taskId().value());
                line.put("requestId", created.requestId());
                out.println(session.json().write(line));
            } else {
                out.printf(
                        "Started %s %s%s.%n",
                        request.kind() == TaskKind.VIDEO ? "video" : "image",
                        created.taskId().value(),
                        from == null ? "" : " (again from " + from.shortId() + ")");
                out.println(
                        "It is in the library, waiting. Run 'aigc-desk sync' (or open the window) to follow it and save its files.");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "image", description = "Generate an image.")
    static final class Image extends Start {
        Image(SessionFactory sessions) {
            super(sessions);
        }

        @Override
        public Integer call() throws Exception {
            return startNew(TaskKind.IMAGE);
        }
    }

    @Command(name = "video", description = "Generate a video.")
    static final class Video extends Start {
        Video(SessionFactory sessions) {
            super(sessions);
        }

        @Override
        public Integer call() throws Exception {
            return startNew(TaskKind.VIDEO);
        }
    }

    @Command(
            name = "again",
            description = {
                "Generate a task again with its recorded parameters, replacing only the flags given.",
                "Works on any task in the library: one created here (even before its first sync) or one added by id."
            })
    static final class Again extends Start {
        @Parameters(index = "0", paramLabel = "ID", description = "The task to generate again.")
        String id;

        Again(SessionFactory sessions) {
            super(sessions);
        }

        @Override
        public Integer call() throws Exception {
            TaskId from = CliIds.parseAll(spec, List.of(id)).get(0);
            try (Session session = sessions.open(parent.root.options())) {
                Optional<TaskRecord> record = session.ledger().find(from);
                if (record.isEmpty()) {
                    spec.commandLine()
                            .getErr()
                            .println("Error: task " + from.value()
                                    + " is not in the library. Add it first: aigc-desk add " + from.value());
                    return ExitCodes.FAILED;
                }
                Optional<GenerationRequest> recorded = session.generator().recorded(from);
                if (recorded.isEmpty()) {
                    spec.commandLine()
                            .getErr()
                            .println("Error: the parameters of " + from.shortId() + " are not known yet"
                                    + (record.get().task().kind() == TaskKind.OTHER
                                            ? " (it is not an image or video generation)."
                                            : ". Run 'aigc-desk sync' first."));
                    return ExitCodes.FAILED;
                }
                GenerationRequest request =
                        recorded.get().with(flags.toRequest(recorded.get().kind()));
                return send(session, request, from);
            }
        }
    }
}
