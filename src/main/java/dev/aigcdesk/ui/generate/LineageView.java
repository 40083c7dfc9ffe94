package dev.aigcdesk.ui.generate;

import dev.aigcdesk.domain.TaskId;
import java.util.List;

/** What the detail pane says about a task's family: "Made from …" (with that task's prompt) and "Tries: N". */
public record LineageView(TaskId parent, String parentTitle, List<TaskId> tries) {

    public static final LineageView NONE = new LineageView(null, null, List.of());

    public LineageView {
        tries = tries == null ? List.of() : List.copyOf(tries);
    }

    public boolean isEmpty() {
        return parent == null && tries.isEmpty();
    }
}
