package dev.aigcdesk.demo;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import java.time.Duration;
import java.time.Instant;

/** The demo's raw-wire answers for tests and the bench: the real size and shape (forty null task slots and all). */
public final class DemoAnswers {

    private DemoAnswers() {}

    /** A finished image task's answer in the raw-wire style. */
    public static String finishedImage(TaskId id, String prompt, String model, Instant created, String fileBase) {
        DemoTask t = new DemoTask(
                id,
                TaskKind.IMAGE,
                model,
                "2.5",
                prompt,
                null,
                Duration.ZERO,
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                DemoTask.Outcome.SUCCEED,
                1,
                "png",
                "2K",
                "1:1",
                DemoJson.Style.RAW_WIRE,
                Duration.ofDays(7));
        return DemoResponses.describe(t, created, created.plusSeconds(60), fileBase);
    }
}
