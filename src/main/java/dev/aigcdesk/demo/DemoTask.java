package dev.aigcdesk.demo;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import java.time.Duration;

/**
 * One simulated task: how long it waits and runs after the server starts, and how it ends.
 * {@code startOffset} places its creation relative to the server's start (negative: before).
 */
record DemoTask(
        TaskId id,
        TaskKind kind,
        String model,
        String version,
        String prompt,
        String negativePrompt,
        Duration startOffset,
        Duration waitFor,
        Duration runFor,
        Outcome outcome,
        int fileCount,
        String fileType,
        String resolution,
        String aspectRatio,
        DemoJson.Style style,
        Duration fileLifetime) {

    enum Outcome {
        SUCCEED,
        FAIL_MODERATION,
        ABORT,
        NOT_FOUND
    }
}
