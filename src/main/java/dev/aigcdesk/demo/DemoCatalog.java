package dev.aigcdesk.demo;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** The demo's sample tasks: a realistic mix of finished, running, failed, video and expired work. */
public final class DemoCatalog {

    private static final String APP_ID = "1250000000";
    private static final Duration WEEK = Duration.ofDays(7).plusSeconds(14);

    private final List<DemoTask> tasks;

    public DemoCatalog(List<DemoTask> tasks) {
        // Generations started against the demo join the samples while it runs.
        this.tasks = new CopyOnWriteArrayList<>(tasks);
    }

    /** A generation the demo accepted: it waits, runs and finishes like the samples. */
    DemoTask add(DemoTask task) {
        tasks.add(task);
        return task;
    }

    /** A fresh id of the service's shape for a new generation. */
    static TaskId newId(TaskKind kind) {
        String hex = UUID.randomUUID().toString().replace("-", "");
        return new TaskId(
                APP_ID + "-" + (kind == TaskKind.VIDEO ? "AigcVideoTask" : "AigcImageTask") + "-" + hex + "t");
    }

    public static DemoCatalog standard() {
        return new DemoCatalog(List.of(
                image(
                        "red-panda",
                        "GEM",
                        "2.5",
                        "a red panda reading a newspaper in a cafe, watercolor",
                        "blur, distorted",
                        Duration.ofHours(-26),
                        1,
                        16,
                        1,
                        "png",
                        "1K",
                        "1:1",
                        DemoJson.Style.TRIMMED),
                image(
                        "kitchen-icons",
                        "Kling",
                        "3.0",
                        "isometric icon set of four kitchen appliances, flat pastel colors",
                        null,
                        Duration.ofHours(-5),
                        2,
                        30,
                        4,
                        "jpg",
                        "2k",
                        "1:1",
                        DemoJson.Style.RAW_WIRE),
                image(
                        "ink-cabin",
                        "Qwen",
                        "0925",
                        "水墨风格的山间小屋，清晨薄雾，远山层叠 🌄🏔️ ink-wash cabin in the mountains",
                        "低清晰度, 模糊",
                        Duration.ZERO,
                        3,
                        25,
                        1,
                        "png",
                        "2K",
                        "4:3",
                        DemoJson.Style.RAW_WIRE),
                image(
                        "lighthouse",
                        "Hunyuan",
                        "3.0",
                        "minimalist poster of a lighthouse at dawn, soft gradients, risograph texture",
                        null,
                        Duration.ZERO,
                        8,
                        40,
                        1,
                        "png",
                        "1K",
                        "3:4",
                        DemoJson.Style.TRIMMED),
                new DemoTask(
                        id("coastal-car", TaskKind.VIDEO),
                        TaskKind.VIDEO,
                        "Kling",
                        "2.5",
                        "A car driving along a coastal highway at golden hour, drone shot",
                        null,
                        Duration.ZERO,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(58),
                        DemoTask.Outcome.SUCCEED,
                        1,
                        "mp4",
                        "1080P",
                        "16:9",
                        DemoJson.Style.RAW_WIRE,
                        WEEK),
                new DemoTask(
                        id("moderation", TaskKind.IMAGE),
                        TaskKind.IMAGE,
                        "GEM",
                        "3.0",
                        "a crowded street scene with recognisable celebrities",
                        null,
                        Duration.ZERO,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(5),
                        DemoTask.Outcome.FAIL_MODERATION,
                        0,
                        "png",
                        "1K",
                        "16:9",
                        DemoJson.Style.RAW_WIRE,
                        WEEK),
                new DemoTask(
                        id("ramen", TaskKind.VIDEO),
                        TaskKind.VIDEO,
                        "Hailuo",
                        "2.3",
                        "slow dolly-in on a steaming bowl of ramen, cinematic lighting",
                        null,
                        Duration.ofDays(-7).plusHours(20),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(150),
                        DemoTask.Outcome.SUCCEED,
                        1,
                        "mp4",
                        "768P",
                        "16:9",
                        DemoJson.Style.RAW_WIRE,
                        WEEK),
                new DemoTask(
                        id("shanghai-poster", TaskKind.IMAGE),
                        TaskKind.IMAGE,
                        "Jimeng",
                        "4.0",
                        "retro travel poster of Shanghai, art deco, bold typography",
                        null,
                        Duration.ofDays(-2),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(20),
                        DemoTask.Outcome.SUCCEED,
                        1,
                        "png",
                        "2K",
                        "2:3",
                        DemoJson.Style.TRIMMED,
                        Duration.ofHours(1)),
                new DemoTask(
                        id("sora-aborted", TaskKind.VIDEO),
                        TaskKind.VIDEO,
                        "OS",
                        "2.0",
                        "paper boats sailing down a rainy city gutter, macro lens",
                        null,
                        Duration.ZERO,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(15),
                        DemoTask.Outcome.ABORT,
                        0,
                        "mp4",
                        "720P",
                        "9:16",
                        DemoJson.Style.TRIMMED,
                        WEEK),
                new DemoTask(
                        id("missing", TaskKind.IMAGE),
                        TaskKind.IMAGE,
                        "",
                        "",
                        "",
                        null,
                        Duration.ZERO,
                        Duration.ZERO,
                        Duration.ZERO,
                        DemoTask.Outcome.NOT_FOUND,
                        0,
                        "png",
                        "",
                        "",
                        DemoJson.Style.TRIMMED,
                        WEEK)));
    }

    public List<TaskId> ids() {
        return tasks.stream().map(DemoTask::id).toList();
    }

    /** The ids the service knows about (all but the deliberately missing one). */
    public List<TaskId> answeredIds() {
        return tasks.stream()
                .filter(t -> t.outcome() != DemoTask.Outcome.NOT_FOUND)
                .map(DemoTask::id)
                .toList();
    }

    Optional<DemoTask> find(String rawId) {
        return tasks.stream()
                .filter(t -> t.id().value().equalsIgnoreCase(rawId))
                .findFirst();
    }

    List<DemoTask> tasks() {
        return List.copyOf(tasks);
    }

    /** The id of a sample by its name in this catalog ("red-panda", "ink-cabin", "missing"…). */
    public static TaskId sample(String name) {
        return standard().tasks.stream()
                .map(DemoTask::id)
                .filter(id -> id.equals(id(name, TaskKind.IMAGE)) || id.equals(id(name, TaskKind.VIDEO)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo sample named " + name));
    }

    /** A stable, realistic-looking id for a sample name. */
    static TaskId id(String name, TaskKind kind) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(name.getBytes(StandardCharsets.UTF_8));
            String type = kind == TaskKind.VIDEO ? "AigcVideoTask" : "AigcImageTask";
            return new TaskId(APP_ID + "-" + type + "-" + HexFormat.of().formatHex(md5) + "t");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    private static DemoTask image(
            String name,
            String model,
            String version,
            String prompt,
            String negative,
            Duration start,
            int waitSeconds,
            int runSeconds,
            int files,
            String type,
            String resolution,
            String ratio,
            DemoJson.Style style) {
        return new DemoTask(
                id(name, TaskKind.IMAGE),
                TaskKind.IMAGE,
                model,
                version,
                prompt,
                negative,
                start,
                Duration.ofSeconds(waitSeconds),
                Duration.ofSeconds(runSeconds),
                DemoTask.Outcome.SUCCEED,
                files,
                type,
                resolution,
                ratio,
                style,
                WEEK);
    }
}
