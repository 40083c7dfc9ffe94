package dev.aigcdesk.testing;

import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.OutputConfig;
import dev.aigcdesk.domain.OutputFile;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.domain.TaskTimes;
import java.time.Instant;
import java.util.List;

/** Builds domain tasks for tests. */
public final class Tasks {

    private Tasks() {}

    public static TaskId id(int n) {
        return TaskId.parse(String.format("1397741205-AigcImageTask-%032xt", n));
    }

    public static TaskId videoId(int n) {
        return TaskId.parse(String.format("1397741205-AigcVideoTask-%032xt", n));
    }

    public static GenerationTask task(
            TaskId id, TaskState state, String prompt, String model, Instant created, List<OutputFile> files) {
        return new GenerationTask(
                id,
                id.kind(),
                state,
                state == TaskState.SUCCEEDED ? 100 : 40,
                prompt,
                null,
                null,
                model,
                "1.0",
                null,
                null,
                null,
                new OutputConfig("Temporary", "1K", "1:1", null, null, null, null, null),
                List.of(),
                new TaskTimes(created, created, state.isTerminal() ? created.plusSeconds(20) : null),
                "req-" + id.shortId(),
                null,
                files);
    }

    /** A task finished a minute before {@code now}, with one PNG whose link lives 7 days. */
    public static GenerationTask finishedPng(int n, String prompt, String model, Instant now) {
        return task(
                id(n),
                TaskState.SUCCEEDED,
                prompt,
                model,
                now.minusSeconds(60),
                List.of(file("http://cdn.example/" + n + "/aigcImageGenFile.png", now.plusSeconds(7 * 86400))));
    }

    public static OutputFile file(String url, Instant expires) {
        return new OutputFile(
                url, expires, "Temporary", OutputFile.typeFromUrl(url), null, null, null, null, null, null);
    }
}
