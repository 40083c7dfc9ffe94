package dev.aigcdesk.library;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.domain.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the designer is looking at: the one filter the window, the command line and every engine share.
 * Empty parts do not filter. {@code text} is searched in the prompt, negative prompt, model, id and tags;
 * every word must match, anywhere in a word. Each part has one {@code with...}; an engine turns the whole
 * value into its own query ({@link Library#list}).
 *
 * @param minStars     at least this many stars (0: any)
 * @param tags         every one on the task (any case)
 * @param collection   in this collection (null: any)
 * @param family       only this task, the task it was made from, and its tries (null: any)
 * @param atRiskBefore for {@link Outputs#AT_RISK}: links dying before this moment
 */
public record LibraryFilter(
        String text,
        Set<TaskState> states,
        Set<TaskKind> kinds,
        int minStars,
        Set<String> tags,
        String collection,
        String model,
        String aspectRatio,
        String resolution,
        Outputs outputs,
        Instant atRiskBefore,
        TaskId family,
        Instant addedFrom,
        Instant addedTo,
        Sort sort,
        Ranking ranking) {

    /**
     * Only these tasks, in this order: what "more like this", a colour or the duplicates view found.
     *
     * @param label what the window's filter bar says it is ("Like: a red panda…", "Colour #1E90FF")
     */
    public record Ranking(String label, List<TaskId> ids) {
        public Ranking {
            ids = List.copyOf(ids);
        }
    }

    /** Grouped under day headings: not when ordered by stars or by a ranking. */
    public boolean groupsByDay() {
        return sort != Sort.STARS && ranking == null;
    }

    /** Only and in the order of {@code r} (null: no ranking). */
    public LibraryFilter rankedBy(Ranking r) {
        return with(p -> p.ranking = r);
    }

    public static final LibraryFilter NONE = new LibraryFilter(
            null,
            Set.of(),
            Set.of(),
            0,
            Set.of(),
            null,
            null,
            null,
            null,
            Outputs.ANY,
            null,
            null,
            null,
            null,
            Sort.CREATED,
            null);

    public LibraryFilter {
        text = text == null || text.isBlank() ? null : text;
        states = states == null ? Set.of() : Set.copyOf(states);
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        minStars = Math.max(0, Math.min(5, minStars));
        outputs = outputs == null ? Outputs.ANY : outputs;
        sort = sort == null ? Sort.CREATED : sort;
    }

    /** The list's order. */
    public enum Sort {
        /** When the task was generated, newest first; tasks the service has not dated yet last. */
        CREATED,
        /** When the task entered the library, newest first. */
        ADDED,
        /** Most stars first, then newest generated. */
        STARS;

        /** The date a task is placed by, and where days begin: when it was added for ADDED, when generated otherwise. */
        public Instant dateOf(TaskRecord r) {
            return this == ADDED ? r.addedAt() : r.task().times().created();
        }
    }

    /** A condition on a task's outputs: the smart views that keep files safe. */
    public enum Outputs {
        /** No condition. */
        ANY,
        /** At least one output was lost: its link died before it was saved. */
        LOST,
        /** At least one output is not saved yet. */
        NOT_SAVED,
        /** At least one output is not saved yet and its link dies before {@code atRiskBefore}. */
        AT_RISK
    }

    /** Whether anything is filtered (the sort aside). */
    public boolean narrows() {
        return !equals(NONE.sortedBy(sort));
    }

    public LibraryFilter withText(String t) {
        return with(p -> p.text = t);
    }

    public LibraryFilter withStates(Set<TaskState> s) {
        return with(p -> p.states = s);
    }

    public LibraryFilter withKinds(Set<TaskKind> k) {
        return with(p -> p.kinds = k);
    }

    public LibraryFilter withStars(int atLeast) {
        return with(p -> p.minStars = atLeast);
    }

    public LibraryFilter withTags(Set<String> t) {
        return with(p -> p.tags = t);
    }

    public LibraryFilter withCollection(String c) {
        return with(p -> p.collection = c);
    }

    public LibraryFilter withModel(String m) {
        return with(p -> p.model = m);
    }

    /** The outputs' aspect ratio and resolution (null: any). */
    public LibraryFilter withShape(String aspect, String res) {
        return with(p -> {
            p.aspectRatio = aspect;
            p.resolution = res;
        });
    }

    public LibraryFilter withOutputs(Outputs o, Instant riskBefore) {
        return with(p -> {
            p.outputs = o;
            p.atRiskBefore = riskBefore;
        });
    }

    /** Only {@code id}'s family: itself, what it was made from, and its tries (null: no such filter). */
    public LibraryFilter withFamily(TaskId id) {
        return with(p -> p.family = id);
    }

    public LibraryFilter withAdded(Instant from, Instant to) {
        return with(p -> {
            p.addedFrom = from;
            p.addedTo = to;
        });
    }

    public LibraryFilter sortedBy(Sort s) {
        return with(p -> p.sort = s);
    }

    /** The same filter with some parts changed: the one place a filter is copied. */
    private LibraryFilter with(java.util.function.Consumer<Parts> change) {
        Parts p = new Parts(this);
        change.accept(p);
        return new LibraryFilter(
                p.text,
                p.states,
                p.kinds,
                p.minStars,
                p.tags,
                p.collection,
                p.model,
                p.aspectRatio,
                p.resolution,
                p.outputs,
                p.atRiskBefore,
                p.family,
                p.addedFrom,
                p.addedTo,
                p.sort,
                p.ranking);
    }

    /** A filter's parts, to be changed before a new filter is made of them. */
    private static final class Parts {
        String text;
        Set<TaskState> states;
        Set<TaskKind> kinds;
        int minStars;
        Set<String> tags;
        String collection;
        String model;
        String aspectRatio;
        String resolution;
        Outputs outputs;
        Instant atRiskBefore;
        TaskId family;
        Instant addedFrom;
        Instant addedTo;
        Sort sort;
        Ranking ranking;

        Parts(LibraryFilter f) {
            text = f.text;
            states = f.states;
            kinds = f.kinds;
            minStars = f.minStars;
            tags = f.tags;
            collection = f.collection;
            model = f.model;
            aspectRatio = f.aspectRatio;
            resolution = f.resolution;
            outputs = f.outputs;
            atRiskBefore = f.atRiskBefore;
            family = f.family;
            addedFrom = f.addedFrom;
            addedTo = f.addedTo;
            sort = f.sort;
            ranking = f.ranking;
        }
    }
}
