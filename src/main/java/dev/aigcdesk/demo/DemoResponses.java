package dev.aigcdesk.demo;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds DescribeTaskDetail answers for demo tasks at a given moment, in the service's own shape. */
final class DemoResponses {

    /** The unrelated task slots a raw-wire answer carries as {@code null}. */
    private static final List<String> NULL_SLOTS = List.of(
            "AigcAudioTask",
            "AigcVideoRedrawTask",
            "ClipTask",
            "ComplexAdaptiveDynamicStreamingTask",
            "ComposeMediaTask",
            "ConcatTask",
            "CreateAigcAdvancedCustomElementTask",
            "CreateAigcAudioCloneTask",
            "CreateAigcCustomVoiceTask",
            "CreateAigcMaterialTask",
            "CreateAigcSubjectTask",
            "CreateImageSpriteTask",
            "DescribeAigcFaceInfoAsyncTask",
            "DescribeFileAttributesTask",
            "EditMediaTask",
            "ExtractBlindWatermarkTask",
            "ExtractCopyRightWatermarkTask",
            "ExtractTraceWatermarkTask",
            "FastClipMediaTask",
            "ImportMediaKnowledge",
            "ProcedureTask",
            "ProcessImageAsyncTask",
            "ProcessMediaByMPSTask",
            "PullUploadTask",
            "QualityEnhanceTask",
            "QualityInspectTask",
            "RebuildMediaTask",
            "ReduceMediaBitrateTask",
            "RemoveWatermarkTask",
            "ReviewAudioVideoTask",
            "SceneAigcImageTask",
            "SceneAigcVideoTask",
            "SnapshotByTimeOffsetTask",
            "SplitMediaTask",
            "TranscodeTask",
            "WechatMiniProgramPublishTask",
            "WechatPublishTask");

    private DemoResponses() {}

    static String notFound() {
        return error("ResourceNotFound", "The task does not exist.");
    }

    /** Tencent's error envelope. */
    static String error(String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("Code", code);
        error.put("Message", message);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("Error", error);
        response.put("RequestId", UUID.randomUUID().toString());
        return DemoJson.write(Map.of("Response", response), DemoJson.Style.TRIMMED);
    }

    /** The create endpoints' answer: {@code {"Response":{"TaskId","RequestId"}}}. */
    static String created(TaskId id) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("TaskId", id.value());
        response.put("RequestId", UUID.randomUUID().toString());
        return DemoJson.write(Map.of("Response", response), DemoJson.Style.TRIMMED);
    }

    static String describe(DemoTask t, Instant serverStart, Instant now, String fileBase) {
        Instant created = serverStart.plus(t.startOffset()).truncatedTo(ChronoUnit.SECONDS);
        Instant began = created.plus(t.waitFor());
        Instant finished = began.plus(t.runFor());
        String top;
        String inner;
        long progress;
        if (now.isBefore(began)) {
            top = "WAITING";
            inner = "PROCESSING";
            progress = 0;
        } else if (now.isBefore(finished)) {
            top = "PROCESSING";
            inner = "PROCESSING";
            double f = (double) Duration.between(began, now).toMillis()
                    / Math.max(1, t.runFor().toMillis());
            progress = Math.max(1, Math.min(99, (long) (f * 100)));
        } else {
            top = t.outcome() == DemoTask.Outcome.ABORT ? "ABORTED" : "FINISH";
            inner = "FINISH";
            progress = 100;
        }
        boolean done = !now.isBefore(finished);
        boolean failed = done && t.outcome() == DemoTask.Outcome.FAIL_MODERATION;

        Map<String, Object> task = new LinkedHashMap<>();
        task.put("TaskId", t.id().value());
        task.put("Status", inner);
        task.put("ErrCode", failed ? 70000 : 0);
        task.put("ErrCodeExt", failed ? "InvalidParameter.VoilationContent" : "");
        task.put(
                "Message",
                failed
                        ? "CreateAigcImageTask process return rsp err:{InvalidParameter.VoilationContent Input Prompt violates policy}"
                        : "");
        task.put("Progress", progress);
        task.put("Input", input(t));
        Map<String, Object> output = new LinkedHashMap<>();
        output.put(
                "FileInfos",
                done && t.outcome() == DemoTask.Outcome.SUCCEED ? files(t, finished, fileBase) : List.of());
        task.put("Output", output);
        task.put("SessionId", "");
        task.put("SessionContext", "");

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("TaskType", t.kind() == TaskKind.VIDEO ? "AigcVideoTask" : "AigcImageTask");
        response.put("Status", top);
        response.put("CreateTime", created.toString());
        response.put("BeginProcessTime", now.isBefore(began) ? "" : began.toString());
        response.put("FinishTime", done ? finished.toString() : "");
        if (t.style() == DemoJson.Style.RAW_WIRE) {
            NULL_SLOTS.forEach(slot -> response.put(slot, null));
            response.put("AigcImageTask", null);
            response.put("AigcVideoTask", null);
        }
        response.put(t.kind() == TaskKind.VIDEO ? "AigcVideoTask" : "AigcImageTask", task);
        response.put("RequestId", UUID.randomUUID().toString());
        return DemoJson.write(Map.of("Response", response), t.style());
    }

    private static Map<String, Object> input(DemoTask t) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("StorageMode", "Temporary");
        config.put("MediaName", "");
        config.put("ClassId", 0);
        config.put("ExpireTime", "0000-00-00T00:00:00Z");
        config.put("Resolution", t.resolution());
        config.put("AspectRatio", t.aspectRatio());
        config.put("PersonGeneration", "");
        config.put("InputComplianceCheck", "");
        config.put("OutputComplianceCheck", "");
        if (t.kind() == TaskKind.VIDEO) {
            config.put("Duration", 4);
            config.put("AudioGeneration", "Disabled");
        } else {
            config.put("OutputImageCount", t.fileCount() > 1 ? t.fileCount() : 0);
            config.put("OutputFormat", "");
        }
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("ModelName", t.model());
        in.put("ModelVersion", t.version());
        in.put("FileInfos", List.of());
        in.put("Prompt", t.prompt());
        in.put("NegativePrompt", t.negativePrompt() == null ? "" : t.negativePrompt());
        in.put("EnhancePrompt", "Enabled");
        in.put("GenerationMode", "");
        in.put("OutputConfig", config);
        in.put("SceneType", "");
        in.put("Seed", 0);
        return in;
    }

    private static List<Object> files(DemoTask t, Instant finished, String fileBase) {
        List<Object> files = new ArrayList<>();
        Instant expire = finished.plus(t.fileLifetime());
        for (int n = 1; n <= t.fileCount(); n++) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("StorageMode", "Temporary");
            f.put("FileUrl", fileBase + fileName(t, n));
            f.put("ExpireTime", expire.toString());
            f.put("FileType", "");
            f.put("FileId", "");
            f.put("MediaName", "");
            f.put("ClassId", 0);
            f.put("MetaData", t.kind() == TaskKind.VIDEO ? videoMeta() : null);
            if (t.kind() == TaskKind.VIDEO) {
                f.put("FileContent", "");
                f.put("UsageType", "");
            }
            files.add(f);
        }
        return files;
    }

    private static Map<String, Object> videoMeta() {
        Map<String, Object> stream = new LinkedHashMap<>();
        stream.put("Bitrate", 70000);
        stream.put("Height", 270);
        stream.put("Width", 480);
        stream.put("Codec", "h264");
        stream.put("Fps", 24);
        stream.put("CodecTag", "");
        stream.put("DynamicRangeInfo", Map.of("Type", "SDR", "HDRType", ""));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("Size", DemoFiles.videoSize());
        meta.put("Container", "mov,mp4,m4a,3gp,3g2,mj2");
        meta.put("Bitrate", 72878);
        meta.put("Height", 270);
        meta.put("Width", 480);
        meta.put("Rotate", 0);
        meta.put("Duration", 4.0);
        meta.put("VideoDuration", 4.0);
        meta.put("AudioDuration", 0);
        meta.put("Md5", "");
        meta.put("VideoStreamSet", List.of(stream));
        meta.put("AudioStreamSet", List.of());
        return meta;
    }

    /** The path under the file base where output {@code n} of a task is served. */
    static String fileName(DemoTask t, int n) {
        String stem = t.kind() == TaskKind.VIDEO ? "aigcVideoGenFile" : "aigcImageGenFile";
        return t.id().shortId() + "/" + n + "/" + stem + "." + t.fileType();
    }
}
