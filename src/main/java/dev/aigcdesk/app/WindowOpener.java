package dev.aigcdesk.app;

import dev.aigcdesk.domain.TaskId;
import java.nio.file.Path;
import java.util.List;

/** Opens the desktop window; implemented by the composition root so that the command line never depends on the UI. */
@FunctionalInterface
public interface WindowOpener {

    /** A picture of the window instead of an interactive session. */
    record Snapshot(Path file, TaskId select, int width, int height, String theme) {
    }

    /** Shows the window until it is closed; returns the process exit code. */
    int open(SessionOptions options, List<TaskId> add, Snapshot snapshot) throws Exception;
}
