package dev.aigcdesk.ui.preview;

import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.TaskRecord;

/** One output shown in the viewer, with the task it belongs to (for its title and info). */
public record ViewerItem(TaskRecord task, FileRecord file) {

    /** What the viewer's title says: the prompt, not an id. */
    public String title() {
        String p = task.task().promptHeadline();
        return p.isEmpty() ? task.id().shortId() + " · " + file.index() : p;
    }

    public boolean sameAs(ViewerItem other) {
        return other != null && task.id().equals(other.task.id()) && file.index() == other.file.index();
    }
}
