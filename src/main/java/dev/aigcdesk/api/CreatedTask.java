package dev.aigcdesk.api;

import dev.aigcdesk.domain.TaskId;

/** The service accepted a generation: its task id, the request id to quote, and the exact JSON that was sent. */
public record CreatedTask(TaskId taskId, String requestId, String sentJson) {}
