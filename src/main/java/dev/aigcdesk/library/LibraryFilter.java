package dev.aigcdesk.library;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.domain.TaskState;
import java.time.Instant;
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
        Sort sort) {

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
            Sort.CREATED);

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
        return new LibraryFilter(
                t,
                states,
                kinds,
                minStars,
                tags,
                collection,
                model,
                aspectRatio,
                resolution,
                outputs,
                atRiskBefore,
                family,
                addedFrom,
                addedTo,
                sort);
    }

    public LibraryFilter withStates(Set<TaskState> s) {
        return new LibraryFilter(
                text,
                s,
                kinds,
                minStars,
                tags,
                collection,
                model,
                aspectRatio,
                resolution,
                outputs,
                atRiskBefore,
                family,
                addedFrom,
                addedTo,
                sort);
    }

    public LibraryFilter withKinds(Set<TaskKind> k) {
        return new LibraryFilter(
                text,
                states,
                k,
                minStars,
                tags,
                collection,
                model,
                aspectRatio,
                resolution,
                outputs,
                atRiskBefore,
                family,
                addedFrom,
                addedTo,
                sort);
    }

    public LibraryFilter withStars(int atLeast) {
        return new LibraryFilter(
                text,
                states,
                kinds,
                atLeast,
                tags,
                collection,
                model,
                aspectRatio,
                resolution,
                outputs,
                atRiskBefore,
                family,
                addedFrom,
                addedTo,
                sort);
    }

    public LibraryFilter withTags(Set<String> t) {
        return new LibraryFilter(
                text,
                states,
                kinds,
                minStars,
                t,
                collection,
                model,
                aspectRatio,
                resolution,
                outputs,
                atRiskBefore,
                family,
                addedFrom,
                addedTo,
                sort);
    }

    public LibraryFilter withCollection(String c) {
        return new LibraryFilter(
                text,
                states,
                kinds,
                minStars,
                tags,
                c,
                model,
                aspectRatio,
                resolution,
                outputs,
                atRiskBefore,
                family,
                addedFrom,
                addedTo,
                sort);
    }

    public LibraryFilter withModel(String m) {
        return new LibraryFilter(
                text,
                states,
                kinds,
                minStars,
                tags,
                collection,
                m,
                aspectRatio,
                resolution,
                outputs,
                atRiskBefore,
                family,
                addedFrom,
                addedTo,
                sort);
    }

    /** The outputs' aspect ratio and resolution (null: any). */
    public LibraryFilter withShape(String aspect, String res) {
        return new LibraryFilter(
                text,
                states,
                kinds,
                minStars,
                tags,
                collection,
                model,
                aspect,
                res,
                outputs,
                atRiskBefore,
                family,
                addedFrom,
                addedTo,
                sort);
    }

    public LibraryFilter withOutputs(Outputs o, Instant riskBefore) {
        return new LibraryFilter(
                text,
                states,
                kinds,
                minStars,
                tags,
                collection,
                model,
                aspectRatio,
                resolution,
                o,
                riskBefore,
                family,
                addedFrom,
                addedTo,
                sort);
    }

    /** Only {@code id}'s family: itself, what it was made from, and its tries (null: no such filter). */
    public LibraryFilter withFamily(TaskId id) {
        return new LibraryFilter(
                text,
                states,
                kinds,
                minStars,
                tags,
                collection,
                model,
                aspectRatio,
                resolution,
                outputs,
                atRiskBefore,
                id,
                addedFrom,
                addedTo,
                sort);
    }

    public LibraryFilter withAdded(Instant from, Instant to) {
        return new LibraryFilter(
                text,
                states,
                kinds,
                minStars,
                tags,
                collection,
                model,
                aspectRatio,
                resolution,
                outputs,
                atRiskBefore,
                family,
                from,
                to,
                sort);
    }

    public LibraryFilter sortedBy(Sort s) {
        return new LibraryFilter(
                text,
                states,
                kinds,
                minStars,
                tags,
                collection,
                model,
                aspectRatio,
                resolution,
                outputs,
                atRiskBefore,
                family,
                addedFrom,
                addedTo,
                s);
    }
}
