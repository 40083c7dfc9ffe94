package dev.aigcdesk.app;

import dev.aigcdesk.domain.TaskId;
import java.nio.file.Path;
import java.util.List;

/** Opens the desktop window; implemented by the composition root so that the command line never depends on the UI. */
@FunctionalInterface
public interface WindowOpener {

    /**
     * A picture of the window instead of an interactive session.
     *
     * @param selected the tasks to show: the first in the detail and the viewer, up to four side by side in compare
     * @param view     list, grid, viewer or compare
     * @param lang     a language tag (en, zh-CN) instead of Settings' language, or null
     */
    record Snapshot(Path file, List<TaskId> selected, int width, int height, String theme, String view, String lang) {

        public Snapshot {
            selected = selected == null ? List.of() : List.copyOf(selected);
            view = view == null ? "list" : view;
        }

        public TaskId select() {
            return selected.isEmpty() ? null : selected.get(0);
        }
    }

    /** Shows the window until it is closed; returns the process exit code. */
    int open(SessionOptions options, List<TaskId> add, Snapshot snapshot) throws Exception;
}
