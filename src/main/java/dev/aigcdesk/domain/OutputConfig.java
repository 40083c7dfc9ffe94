package dev.aigcdesk.domain;

/** The output settings a task was created with. Absent values are null. */
public record OutputConfig(
        String storageMode,
        String resolution,
        String aspectRatio,
        Double durationSeconds,
        String audioGeneration,
        Long imageCount,
        String format,
        String mediaName) {

    public static final OutputConfig EMPTY = new OutputConfig(null, null, null, null, null, null, null, null);
}
