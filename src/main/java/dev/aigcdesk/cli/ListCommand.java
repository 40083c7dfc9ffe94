package dev.aigcdesk.cli;

import dev.aigcdesk.app.Session;
import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.TaskRecord;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "list",
        description = {
            "List the tasks in the library, newest first: by when they were generated (tasks the service has",
            "not dated yet last), or with --sort added, by when they entered the library. Works offline."
        })
public final class ListCommand implements Callable<Integer> {

    private static final DateTimeFormatter ADDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per task, one per line.")
    boolean json;

    @Mixin
    ListFilters filters;

    @Option(names = "--limit", paramLabel = "N", description = "At most N tasks.")
    int limit;

    @Option(
            names = "--like",
            paramLabel = "ID",
            description = "Order by how much the pictures look like ID's (itself first, then the nearest).")
    String like;

    @Option(
            names = {"--color", "--colour"},
            paramLabel = "HEX",
            description = "Only pictures with this colour among their dominant ones ('#1E90FF'), the strongest first.")
    String colour;

    private final SessionFactory sessions;

    public ListCommand(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Integer call() throws Exception {
        filters.check(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (Session session = sessions.open(root.options())) {
            ZoneId here = session.clock().getZone();
            TaskQuery q = filters.query(spec, here, limit);
            if (like != null || colour != null) {
                q = new TaskQuery(
                        q.filter().rankedBy(FindByLook.ranking(spec, session, like, colour)), q.offset(), q.limit());
            }
            List<TaskRecord> records = session.ledger().list(q);
            ZoneId zone = here;
            for (TaskRecord r : records) {
                if (json) {
                    out.println(session.json().write(LibraryJson.of(session.json(), r)));
                } else {
                    String saved = r.files().isEmpty()
                            ? ""
                            : r.files().stream().filter(f -> f.isArchived()).count() + "/"
                                    + r.files().size() + " saved";
                    out.printf(
                            "%-9s %-5s %-14s %s  %-11s %s%n      %s%n",
                            r.task().state().wireName(),
                            r.task().kind().wireName(),
                            clip(r.task().modelLabel(), 14),
                            ADDED.format(r.addedAt().atZone(zone)),
                            saved,
                            r.id(),
                            r.refreshedAt() == null && r.task().prompt() == null
                                    ? "(not fetched yet; run 'aigc-desk sync')"
                                    : clip(r.task().promptHeadline(), 100));
                }
            }
            if (!json) {
                out.println(records.size() + (records.size() == 1 ? " task" : " tasks"));
            }
        }
        return 0;
    }

    private static String clip(String s, int n) {
        if (s == null) {
            return "";
        }
        return s.codePointCount(0, s.length()) <= n ? s : s.substring(0, s.offsetByCodePoints(0, n - 1)) + "…";
    }
}
