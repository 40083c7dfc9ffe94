package dev.aigcdesk.library;

import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.domain.TaskState;
import java.time.Instant;
import java.util.Set;

/**
 * A filter over the ledger. Null or empty parts do not filter. {@code text} is a full-text search
 * over prompt, negative prompt, model and task id; every word must match, anywhere in a word.
 */
public record TaskQuery(String text, Set<TaskState> states, Set<TaskKind> kinds, String model, Instant addedFrom, Instant addedTo,
                        Outputs outputs, Instant atRiskBefore, int offset, int limit) {

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

    public static final TaskQuery ALL = new TaskQuery(null, Set.of(), Set.of(), null, null, null, Outputs.ANY, null, 0, Integer.MAX_VALUE);

    public TaskQuery(String text, Set<TaskState> states, Set<TaskKind> kinds, String model, Instant addedFrom, Instant addedTo, int offset, int limit) {
        this(text, states, kinds, model, addedFrom, addedTo, Outputs.ANY, null, offset, limit);
    }

    public TaskQuery {
        states = states == null ? Set.of() : Set.copyOf(states);
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        offset = Math.max(0, offset);
        limit = limit <= 0 ? Integer.MAX_VALUE : limit;
        outputs = outputs == null ? Outputs.ANY : outputs;
    }

    public TaskQuery withOutputs(Outputs o, Instant riskBefore) {
        return new TaskQuery(text, states, kinds, model, addedFrom, addedTo, o, riskBefore, offset, limit);
    }

    public TaskQuery withText(String t) {
        return new TaskQuery(t, states, kinds, model, addedFrom, addedTo, outputs, atRiskBefore, offset, limit);
    }

    public TaskQuery withStates(Set<TaskState> s) {
        return new TaskQuery(text, s, kinds, model, addedFrom, addedTo, outputs, atRiskBefore, offset, limit);
    }

    public TaskQuery withKinds(Set<TaskKind> k) {
        return new TaskQuery(text, states, k, model, addedFrom, addedTo, outputs, atRiskBefore, offset, limit);
    }

    public TaskQuery withModel(String m) {
        return new TaskQuery(text, states, kinds, m, addedFrom, addedTo, outputs, atRiskBefore, offset, limit);
    }

    public TaskQuery withAdded(Instant from, Instant to) {
        return new TaskQuery(text, states, kinds, model, from, to, outputs, atRiskBefore, offset, limit);
    }

    public TaskQuery page(int newOffset, int newLimit) {
        return new TaskQuery(text, states, kinds, model, addedFrom, addedTo, outputs, atRiskBefore, newOffset, newLimit);
    }
}
