package dev.aigcdesk.library;

import dev.aigcdesk.domain.GenerationRequest;
import dev.aigcdesk.domain.TaskId;
import java.time.Instant;

/** Generations started from the app: the request sent, and where each task came from. */
public interface Creations {

    /** How a task was made here: the request sent, its id, the task it came from, when. */
    record Made(String request, String requestId, String parent, long requestedAt) {}

    /** Records a generation the service accepted, with the request exactly as sent. */
    void record(TaskId id, GenerationRequest request, String sentJson, String requestId, TaskId parent, Instant now)
            throws LibraryException;

    /** Where the task came from and its tries since. */
    Lineage lineage(TaskId id) throws LibraryException;
}
