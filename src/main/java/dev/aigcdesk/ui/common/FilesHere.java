package dev.aigcdesk.ui.common;

import dev.aigcdesk.library.TaskRecord;
import java.io.IOException;

/** Brings a task's saved files to this desktop when they are kept elsewhere (a team's store), for the window to open. */
@FunctionalInterface
public interface FilesHere {

    /** A desktop's own library: its files are where they were saved. */
    FilesHere ALREADY = r -> false;

    /** @return true when any file came (the window reads the task again) */
    boolean bring(TaskRecord r) throws IOException;
}
