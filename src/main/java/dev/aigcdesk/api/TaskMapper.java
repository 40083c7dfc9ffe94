package dev.aigcdesk.api;

import dev.aigcdesk.api.wire.WireAigcTask;
import dev.aigcdesk.api.wire.WireInput;
import dev.aigcdesk.api.wire.WireInputFile;
import dev.aigcdesk.api.wire.WireMetaData;
import dev.aigcdesk.api.wire.WireOutputConfig;
import dev.aigcdesk.api.wire.WireOutputFile;
import dev.aigcdesk.api.wire.WireResponse;
import dev.aigcdesk.api.wire.WireVideoStream;
import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.OutputConfig;
import dev.aigcdesk.domain.OutputFile;
import dev.aigcdesk.domain.ReferenceInput;
import dev.aigcdesk.domain.TaskFailure;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.domain.TaskStateRule;
import dev.aigcdesk.domain.TaskTimes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Turns a successful DescribeTaskDetail answer into a domain task. */
final class TaskMapper {

    private TaskMapper() {}

    static GenerationTask toTask(TaskId id, WireResponse r) {
        TaskKind kind = kindOf(r);
        WireAigcTask inner = switch (kind) {
            case IMAGE -> r.aigcImageTask;
            case VIDEO -> r.aigcVideoTask;
            case OTHER ->
                r.aigcImageTask != null ? r.aigcImageTask : r.aigcVideoTask != null ? r.aigcVideoTask : r.otherTask;
        };
        WireInput in = inner == null || inner.input == null ? new WireInput() : inner.input;
        List<OutputFile> outputs = outputsOf(inner);
        long errCode = inner == null || inner.errCode == null ? 0 : inner.errCode;
        String errExt = inner == null ? null : inner.errCodeExt;
        String message = inner == null ? null : inner.message;
        TaskState state = TaskStateRule.decide(r.status, inner == null ? null : inner.status, errCode, errExt, outputs);
        int progress = inner == null || inner.progress == null ? 0 : (int) Math.max(0, Math.min(100, inner.progress));
        if (state == TaskState.SUCCEEDED) {
            progress = 100;
        }
        return new GenerationTask(
                id,
                kind,
                state,
                progress,
                in.prompt,
                in.negativePrompt,
                in.enhancePrompt,
                in.modelName,
                in.modelVersion,
                in.generationMode,
                in.seed == null || in.seed == 0 ? null : in.seed,
                in.sceneType,
                configOf(in.outputConfig),
                referencesOf(in),
                new TaskTimes(
                        WireTimes.parse(r.createTime),
                        WireTimes.parse(r.beginProcessTime),
                        WireTimes.parse(r.finishTime)),
                r.requestId,
                failureOf(state, errCode, errExt, message, outputs),
                outputs);
    }

    private static TaskKind kindOf(WireResponse r) {
        if (r.taskType != null) {
            return TaskKind.fromTaskType(r.taskType);
        }
        if (r.aigcImageTask != null) {
            return TaskKind.IMAGE;
        }
        return r.aigcVideoTask != null ? TaskKind.VIDEO : TaskKind.OTHER;
    }

    private static TaskFailure failureOf(
            TaskState state, long errCode, String ext, String message, List<OutputFile> outputs) {
        if (state == TaskState.ABORTED) {
            return new TaskFailure(errCode, ext, message == null ? "The task was aborted." : message);
        }
        if (state != TaskState.FAILED) {
            return null;
        }
        if (errCode == 0 && (ext == null || ext.isBlank()) && message == null && outputs.isEmpty()) {
            return new TaskFailure(0, "", "The task finished without any output file.");
        }
        return new TaskFailure(errCode, ext, message);
    }

    private static OutputConfig configOf(WireOutputConfig c) {
        if (c == null) {
            return OutputConfig.EMPTY;
        }
        Double duration = c.duration == null || c.duration <= 0 ? null : c.duration;
        Long count = c.outputImageCount == null || c.outputImageCount <= 0 ? null : c.outputImageCount;
        return new OutputConfig(
                c.storageMode,
                c.resolution,
                c.aspectRatio,
                duration,
                c.audioGeneration,
                count,
                c.outputFormat,
                c.mediaName);
    }

    private static List<ReferenceInput> referencesOf(WireInput in) {
        List<ReferenceInput> refs = new ArrayList<>();
        if (in.fileInfos != null) {
            for (WireInputFile f : in.fileInfos) {
                if (f != null) {
                    refs.add(new ReferenceInput(f.type, f.category, f.url, f.fileId, f.text, f.usage, f.referenceType));
                }
            }
        }
        if (in.lastFrameUrl != null || in.lastFrameFileId != null) {
            refs.add(new ReferenceInput(
                    in.lastFrameUrl != null ? "Url" : "File",
                    "Image",
                    in.lastFrameUrl,
                    in.lastFrameFileId,
                    null,
                    "LastFrame",
                    null));
        }
        return refs;
    }

    private static List<OutputFile> outputsOf(WireAigcTask inner) {
        if (inner == null || inner.output == null || inner.output.fileInfos == null) {
            return List.of();
        }
        return inner.output.fileInfos.stream()
                .filter(Objects::nonNull)
                .map(TaskMapper::fileOf)
                .toList();
    }

    private static OutputFile fileOf(WireOutputFile f) {
        WireMetaData m = f.metaData;
        WireVideoStream v = m == null || m.videoStreamSet == null
                ? null
                : m.videoStreamSet.stream().filter(Objects::nonNull).findFirst().orElse(null);
        String type = f.fileType != null ? f.fileType.toLowerCase(Locale.ROOT) : OutputFile.typeFromUrl(f.fileUrl);
        Long width = positive(m == null ? null : m.width);
        Long height = positive(m == null ? null : m.height);
        if (width == null && v != null) {
            width = positive(v.width);
            height = positive(v.height);
        }
        Double duration = m == null ? null : (m.duration != null && m.duration > 0 ? m.duration : m.videoDuration);
        return new OutputFile(
                f.fileUrl,
                WireTimes.parse(f.expireTime),
                f.storageMode,
                type,
                positive(m == null ? null : m.size),
                width,
                height,
                duration == null || duration <= 0 ? null : duration,
                v == null ? null : v.codec,
                f.fileId);
    }

    private static Long positive(Long n) {
        return n == null || n <= 0 ? null : n;
    }
}
