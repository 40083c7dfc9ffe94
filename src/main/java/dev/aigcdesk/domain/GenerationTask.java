package dev.aigcdesk.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Everything known about one AIGC task, independent of how the service spelled it. */
public record GenerationTask(
        TaskId id,
        TaskKind kind,
        TaskState state,
        int progress,
        String prompt,
        String negativePrompt,
        String enhancePrompt,
        String modelName,
        String modelVersion,
        String generationMode,
        Long seed,
        String sceneType,
        OutputConfig outputConfig,
        List<ReferenceInput> references,
        TaskTimes times,
        String requestId,
        TaskFailure failure,
        List<OutputFile> outputs) {

    public GenerationTask {
        Objects.requireNonNull(id, "id");
        kind = kind == null ? TaskKind.OTHER : kind;
        state = state == null ? TaskState.UNKNOWN : state;
        progress = Math.max(0, Math.min(100, progress));
        outputConfig = outputConfig == null ? OutputConfig.EMPTY : outputConfig;
        references = references == null ? List.of() : List.copyOf(references);
        times = times == null ? TaskTimes.NONE : times;
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }

    public Optional<TaskFailure> failureInfo() {
        return Optional.ofNullable(failure);
    }

    /** "GEM 2.5", "Kling", or "" when the model is unknown. */
    public String modelLabel() {
        String name = modelName == null ? "" : modelName;
        String version = modelVersion == null ? "" : modelVersion;
        return (name + " " + version).strip();
    }

    /** The first line of the prompt, for lists. */
    public String promptHeadline() {
        if (prompt == null || prompt.isBlank()) {
            return "";
        }
        String first = prompt.strip().lines().findFirst().orElse("");
        return first;
    }

    /** The same task with other outputs (what the library knows of them, or as many as an archive holds). */
    public GenerationTask withOutputs(List<OutputFile> files) {
        return new GenerationTask(
                id,
                kind,
                state,
                progress,
                prompt,
                negativePrompt,
                enhancePrompt,
                modelName,
                modelVersion,
                generationMode,
                seed,
                sceneType,
                outputConfig,
                references,
                times,
                requestId,
                failure,
                files);
    }

    /** The same task with other output settings. */
    public GenerationTask withOutputConfig(OutputConfig config) {
        return new GenerationTask(
                id,
                kind,
                state,
                progress,
                prompt,
                negativePrompt,
                enhancePrompt,
                modelName,
                modelVersion,
                generationMode,
                seed,
                sceneType,
                config,
                references,
                times,
                requestId,
                failure,
                outputs);
    }
}
