package dev.aigcdesk.library;

import dev.aigcdesk.domain.TaskId;
import java.util.List;
import java.util.Optional;

/**
 * Where a task came from and what came of it: the request this app sent (null for a task added by
 * id), the task it was generated again from, and the tries generated from it since, oldest first.
 */
public record Lineage(String sentRequest, TaskId parent, List<TaskId> tries) {

    public static final Lineage NONE = new Lineage(null, null, List.of());

    public Lineage {
        tries = tries == null ? List.of() : List.copyOf(tries);
    }

    public Optional<TaskId> madeFrom() {
        return Optional.ofNullable(parent);
    }

    public Optional<String> request() {
        return Optional.ofNullable(sentRequest);
    }
}
