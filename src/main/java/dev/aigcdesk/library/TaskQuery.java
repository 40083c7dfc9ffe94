package dev.aigcdesk.library;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.domain.TaskState;
import java.time.Instant;
import java.util.Set;

/**
 * A filter over the ledger. Null or empty parts do not filter. {@code text} is a full-text search
 * over prompt, negative prompt, model and task id; every word must match, anywhere in a word.
 */
public record TaskQuery(
        String text,
        Set<TaskState> states,
        Set<TaskKind> kinds,
        String model,
        Instant addedFrom,
        Instant addedTo,
        Outputs outputs,
        Instant atRiskBefore,
        int offset,
        int limit,
        Sort sort,
        Shelf shelf) {

    /**
     * The organizing filters: every tag must be on the task (any case), at least {@code minStars},
     * in {@code collection} when one is named; and the output's aspect ratio and resolution when given.
     * {@code family}: only that task, the task it was generated from, and its tries.
     */
    public record Shelf(
            Set<String> tags, int minStars, String collection, String aspectRatio, String resolution, TaskId family) {
        public static final Shelf ANY = new Shelf(Set.of(), 0, null);

        public Shelf {
            tags = tags == null ? Set.of() : Set.copyOf(tags);
        }

        public Shelf(Set<String> tags, int minStars, String collection) {
            this(tags, minStars, collection, null, null, null);
        }

        public Shelf withShape(String aspect, String res) {
            return new Shelf(tags, minStars, collection, aspect, res, family);
        }

        /** Only {@code id}'s family: itself, what it was made from, and its tries (null: no such filter). */
        public Shelf withFamily(TaskId id) {
            return new Shelf(tags, minStars, collection, aspectRatio, resolution, id);
        }
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

    public static final TaskQuery ALL = new TaskQuery(
            null,
            Set.of(),
            Set.of(),
            null,
            null,
            null,
            Outputs.ANY,
            null,
            0,
            Integer.MAX_VALUE,
            Sort.CREATED,
            Shelf.ANY);

    public TaskQuery(
            String text,
            Set<TaskState> states,
            Set<TaskKind> kinds,
            String model,
            Instant addedFrom,
            Instant addedTo,
            int offset,
            int limit) {
        this(text, states, kinds, model, addedFrom, addedTo, Outputs.ANY, null, offset, limit, Sort.CREATED, Shelf.ANY);
    }

    public TaskQuery onShelf(Shelf sh) {
        return new TaskQuery(
                text, states, kinds, model, addedFrom, addedTo, outputs, atRiskBefore, offset, limit, sort, sh);
    }

    public TaskQuery sortedBy(Sort s) {
        return new TaskQuery(
                text, states, kinds, model, addedFrom, addedTo, outputs, atRiskBefore, offset, limit, s, shelf);
    }

    public TaskQuery {
        states = states == null ? Set.of() : Set.copyOf(states);
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        offset = Math.max(0, offset);
        limit = limit <= 0 ? Integer.MAX_VALUE : limit;
        outputs = outputs == null ? Outputs.ANY : outputs;
        sort = sort == null ? Sort.CREATED : sort;
        shelf = shelf == null ? Shelf.ANY : shelf;
    }

    public TaskQuery withOutputs(Outputs o, Instant riskBefore) {
        return new TaskQuery(text, states, kinds, model, addedFrom, addedTo, o, riskBefore, offset, limit, sort, shelf);
    }

    public TaskQuery withText(String t) {
        return new TaskQuery(
                t, states, kinds, model, addedFrom, addedTo, outputs, atRiskBefore, offset, limit, sort, shelf);
    }

    public TaskQuery withStates(Set<TaskState> s) {
        return new TaskQuery(
                text, s, kinds, model, addedFrom, addedTo, outputs, atRiskBefore, offset, limit, sort, shelf);
    }

    public TaskQuery withKinds(Set<TaskKind> k) {
        return new TaskQuery(
                text, states, k, model, addedFrom, addedTo, outputs, atRiskBefore, offset, limit, sort, shelf);
    }

    public TaskQuery withModel(String m) {
        return new TaskQuery(
                text, states, kinds, m, addedFrom, addedTo, outputs, atRiskBefore, offset, limit, sort, shelf);
    }

    public TaskQuery withAdded(Instant from, Instant to) {
        return new TaskQuery(text, states, kinds, model, from, to, outputs, atRiskBefore, offset, limit, sort, shelf);
    }

    public TaskQuery page(int newOffset, int newLimit) {
        return new TaskQuery(
                text,
                states,
                kinds,
                model,
                addedFrom,
                addedTo,
                outputs,
                atRiskBefore,
                newOffset,
                newLimit,
                sort,
                shelf);
    }
}
