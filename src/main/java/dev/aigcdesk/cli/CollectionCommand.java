package dev.aigcdesk.cli;

import dev.aigcdesk.app.Session;
import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.Curator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "collection",
        description = "Named collections of tasks; a task can be in several. Deleting a collection keeps its tasks.",
        subcommands = {
            CollectionCommand.Add.class,
            CollectionCommand.Remove.class,
            CollectionCommand.ListAll.class,
            CollectionCommand.Delete.class
        })
public final class CollectionCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    public CollectionCommand(SessionFactory sessions) {
        // The subcommands are given the session factory themselves.
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    /** A change to one collection's tasks: add or remove. */
    @FunctionalInterface
    interface Change {
        List<TaskId> apply(Curator curator, String name, List<TaskId> ids) throws Exception;
    }

    /** What add and remove share: the name, the ids, one all-or-nothing change. */
    abstract static class Membership implements Callable<Integer> {
        @ParentCommand
        CollectionCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ID")
        List<String> ids;

        private final SessionFactory sessions;
        private final Change change;
        private final String done;

        Membership(SessionFactory sessions, Change change, String done) {
            this.sessions = sessions;
            this.change = change;
            this.done = done;
        }

        @Override
        public Integer call() throws Exception {
            List<TaskId> taskIds = CliIds.parseAll(spec, ids);
            try (Session session = sessions.open(parent.root.options())) {
                return CurationChange.report(
                        spec,
                        change.apply(session.ledger().curator(), name, taskIds),
                        String.format(done, taskIds.size(), taskIds.size() == 1 ? "" : "s", name.strip()));
            }
        }
    }

    @Command(name = "add", description = "Put tasks in a collection (made if it is new).")
    static final class Add extends Membership {
        Add(SessionFactory sessions) {
            super(sessions, (c, n, ids) -> c.addToCollection(n, ids), "Added %d task%s to \"%s\".");
        }
    }

    @Command(name = "remove", description = "Take tasks out of a collection (they stay in the library).")
    static final class Remove extends Membership {
        Remove(SessionFactory sessions) {
            super(sessions, (c, n, ids) -> c.removeFromCollection(n, ids), "Took %d task%s out of \"%s\".");
        }
    }

    @Command(name = "list", description = "The collections, with how many tasks each holds.")
    static final class ListAll implements Callable<Integer> {
        @ParentCommand
        CollectionCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "As a JSON array of {\"name\": ..., \"count\": ...}.")
        boolean json;

        private final SessionFactory sessions;

        ListAll(SessionFactory sessions) {
            this.sessions = sessions;
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Session session = sessions.open(parent.root.options())) {
                List<Curator.Named> all = session.ledger().curator().collections();
                if (json) {
                    List<Object> rows = new ArrayList<>();
                    for (Curator.Named n : all) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("name", n.name());
                        m.put("count", n.count());
                        rows.add(m);
                    }
                    out.println(session.json().writeList(rows));
                } else if (all.isEmpty()) {
                    out.println("No collections yet. Make one with: aigc-desk collection add NAME ID...");
                } else {
                    all.forEach(n -> out.printf("%-32s %d task%s%n", n.name(), n.count(), n.count() == 1 ? "" : "s"));
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", description = "Delete a collection; its tasks stay in the library.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        CollectionCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        private final SessionFactory sessions;

        Delete(SessionFactory sessions) {
            this.sessions = sessions;
        }

        @Override
        public Integer call() throws Exception {
            try (Session session = sessions.open(parent.root.options())) {
                if (!session.ledger().curator().deleteCollection(name)) {
                    spec.commandLine().getErr().println("Error: there is no collection \"" + name.strip() + "\".");
                    return ExitCodes.USAGE;
                }
                spec.commandLine()
                        .getOut()
                        .println("Deleted the collection \"" + name.strip() + "\"; its tasks stay in the library.");
            }
            return ExitCodes.OK;
        }
    }
}
