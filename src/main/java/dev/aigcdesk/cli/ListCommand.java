package dev.aigcdesk.cli;

import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.app.Session;

import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.TaskRecord;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "list", description = {"List the tasks in the library, newest first: by when they were generated (tasks the service has",
        "not dated yet last), or with --sort added, by when they entered the library. Works offline."})
public final class ListCommand implements Callable<Integer> {

    private static final DateTimeFormatter ADDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per task, one per line.")
    boolean json;

    @Option(names = "--search", paramLabel = "TEXT", description = "Full-text search over prompt, negative prompt, model and id.")
    String search;

    @Option(names = "--state", paramLabel = "S", split = ",", description = "waiting, running, succeeded, failed, aborted, unknown.")
    List<String> states = List.of();

    @Option(names = "--kind", paramLabel = "K", split = ",", description = "image, video, other.")
    List<String> kinds = List.of();

    @Option(names = "--model", paramLabel = "M", description = "A model name (GEM) or name and version (\"GEM 2.5\").")
    String model;

    @Option(names = "--since", paramLabel = "DATE", description = "Only tasks added on or after this day (yyyy-MM-dd, your time zone).")
    java.time.LocalDate since;

    @Option(names = "--until", paramLabel = "DATE", description = "Only tasks added before the end of this day (yyyy-MM-dd).")
    java.time.LocalDate until;

    @Option(names = "--limit", paramLabel = "N", description = "At most N tasks.")
    int limit;

    @Option(names = "--lost", description = "Only tasks with an output that was lost (its link died before it was saved).")
    boolean lost;

    @Option(names = "--sort", paramLabel = "created|added|stars", description = "created (default): when generated; added: when added; stars: most first.")
    String sort = "created";

    @Option(names = "--tag", paramLabel = "TAG", description = "Only tasks with this tag (repeatable: all must match).")
    List<String> tags = List.of();

    @Option(names = "--min-stars", paramLabel = "N", description = "Only tasks with at least N stars (1-5).")
    int minStars;

    @Option(names = "--collection", paramLabel = "NAME", description = "Only tasks in this collection.")
    String collection;

    private final SessionFactory sessions;

    public ListCommand(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Integer call() throws Exception {
        sortOf(sort);
        if (minStars < 0 || minStars > 5) {
            throw new ParameterException(spec.commandLine(), "--min-stars takes 0 to 5, not " + minStars);
        }
        Set<TaskState> stateSet = EnumSet.noneOf(TaskState.class);
        Set<TaskKind> kindSet = EnumSet.noneOf(TaskKind.class);
        try {
            states.forEach(s -> stateSet.add(TaskState.parseWireName(s)));
            kinds.forEach(k -> kindSet.add(TaskKind.valueOf(k.strip().toUpperCase(Locale.ROOT))));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage().startsWith("No enum") ? "Unknown kind; use image, video or other" : e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Session session = sessions.open(root.options())) {
            ZoneId here = session.clock().getZone();
            TaskQuery q = new TaskQuery(search, stateSet, kindSet, model, since == null ? null : since.atStartOfDay(here).toInstant(),
                    until == null ? null : until.plusDays(1).atStartOfDay(here).toInstant(), 0, limit).sortedBy(sortOf(sort));
            if (lost) {
                q = q.withOutputs(TaskQuery.Outputs.LOST, null);
            }
            q = q.onShelf(new TaskQuery.Shelf(java.util.Set.copyOf(tags), minStars, collection));
            List<TaskRecord> records = session.ledger().list(q);
            ZoneId zone = here;
            for (TaskRecord r : records) {
                if (json) {
                    out.println(session.json().write(LibraryJson.of(session.json(), r)));
                } else {
                    String saved = r.files().isEmpty() ? "" : r.files().stream().filter(f -> f.isArchived()).count() + "/" + r.files().size() + " saved";
                    out.printf("%-9s %-5s %-14s %s  %-11s %s%n      %s%n", r.task().state().wireName(), r.task().kind().wireName(),
                            clip(r.task().modelLabel(), 14), ADDED.format(r.addedAt().atZone(zone)), saved, r.id(),
                            r.refreshedAt() == null && r.task().prompt() == null ? "(not fetched yet; run 'aigc-desk sync')"
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

    private TaskQuery.Sort sortOf(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "created" -> TaskQuery.Sort.CREATED;
            case "added" -> TaskQuery.Sort.ADDED;
            case "stars" -> TaskQuery.Sort.STARS;
            default -> throw new ParameterException(spec.commandLine(), "--sort takes created, added or stars");
        };
    }
}
