package dev.aigcdesk.cli;

import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.LibraryFilter;
import dev.aigcdesk.library.TaskQuery;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The filters and order that {@code list} and {@code export --format files} share. */
final class ListFilters {

    @Option(
            names = "--search",
            paramLabel = "TEXT",
            description = "Full-text search over prompt, negative prompt, model and id.")
    String search;

    @Option(
            names = "--state",
            paramLabel = "S",
            split = ",",
            description = "waiting, running, succeeded, failed, aborted, unknown.")
    List<String> states = List.of();

    @Option(names = "--kind", paramLabel = "K", split = ",", description = "image, video, other.")
    List<String> kinds = List.of();

    @Option(names = "--model", paramLabel = "M", description = "A model name (GEM) or name and version (\"GEM 2.5\").")
    String model;

    @Option(
            names = "--since",
            paramLabel = "DATE",
            description = "Only tasks added on or after this day (yyyy-MM-dd, your time zone).")
    LocalDate since;

    @Option(
            names = "--until",
            paramLabel = "DATE",
            description = "Only tasks added before the end of this day (yyyy-MM-dd).")
    LocalDate until;

    @Option(
            names = "--lost",
            description = "Only tasks with an output that was lost (its link died before it was saved).")
    boolean lost;

    @Option(
            names = "--sort",
            paramLabel = "created|added|stars",
            description = "created (default): when generated; added: when added; stars: most first.")
    String sort = "created";

    @Option(names = "--tag", paramLabel = "TAG", description = "Only tasks with this tag (repeatable: all must match).")
    List<String> tags = List.of();

    @Option(names = "--min-stars", paramLabel = "N", description = "Only tasks with at least N stars (1-5).")
    int minStars;

    @Option(names = "--collection", paramLabel = "NAME", description = "Only tasks in this collection.")
    String collection;

    /** The query these options ask for, or a usage error saying which option is wrong. */
    TaskQuery query(CommandSpec spec, ZoneId here, int limit) {
        if (minStars < 0 || minStars > 5) {
            throw new ParameterException(spec.commandLine(), "--min-stars takes 0 to 5, not " + minStars);
        }
        Set<TaskState> stateSet = EnumSet.noneOf(TaskState.class);
        Set<TaskKind> kindSet = EnumSet.noneOf(TaskKind.class);
        try {
            states.forEach(s -> stateSet.add(TaskState.parseWireName(s)));
            kinds.forEach(k -> kindSet.add(TaskKind.valueOf(k.strip().toUpperCase(Locale.ROOT))));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    e.getMessage().startsWith("No enum") ? "Unknown kind; use image, video or other" : e.getMessage());
        }
        LibraryFilter f = LibraryFilter.NONE
                .withText(search)
                .withStates(stateSet)
                .withKinds(kindSet)
                .withModel(model)
                .withAdded(
                        since == null ? null : since.atStartOfDay(here).toInstant(),
                        until == null
                                ? null
                                : until.plusDays(1).atStartOfDay(here).toInstant())
                .withTags(Set.copyOf(tags))
                .withStars(minStars)
                .withCollection(collection)
                .sortedBy(sortOf(spec));
        if (lost) {
            f = f.withOutputs(LibraryFilter.Outputs.LOST, null);
        }
        return new TaskQuery(f, 0, limit);
    }

    /** Checks the options that need no library, before one is opened. */
    void check(CommandSpec spec) {
        query(spec, ZoneId.systemDefault(), 0);
    }

    private LibraryFilter.Sort sortOf(CommandSpec spec) {
        return switch (sort == null ? "" : sort.strip().toLowerCase(Locale.ROOT)) {
            case "created" -> LibraryFilter.Sort.CREATED;
            case "added" -> LibraryFilter.Sort.ADDED;
            case "stars" -> LibraryFilter.Sort.STARS;
            default -> throw new ParameterException(spec.commandLine(), "--sort takes created, added or stars");
        };
    }
}
