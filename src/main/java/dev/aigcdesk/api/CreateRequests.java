package dev.aigcdesk.api;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import dev.aigcdesk.api.wire.WireAigcTask;
import dev.aigcdesk.api.wire.WireCreateFile;
import dev.aigcdesk.api.wire.WireCreateOutputConfig;
import dev.aigcdesk.api.wire.WireCreateRequest;
import dev.aigcdesk.api.wire.WireInput;
import dev.aigcdesk.api.wire.WireInputFile;
import dev.aigcdesk.api.wire.WireOutputConfig;
import dev.aigcdesk.api.wire.WireResponse;
import dev.aigcdesk.api.wire.WireRoot;
import dev.aigcdesk.domain.GenerationRequest;
import dev.aigcdesk.domain.TaskKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Generation requests on the wire: the snake_case body sent to the create endpoints, that body read
 * back (a task created here, before its first answer), and the parameters a task's recorded answer
 * shows (a task added by id), so any task can be generated again.
 */
public final class CreateRequests {

    private record Adapters(JsonAdapter<WireCreateRequest> request, JsonAdapter<WireRoot> answer) {}

    private Adapters adapters;

    /** Moshi is set up on first use: the window is built with a generator long before anything is generated. */
    private synchronized Adapters adapters() {
        if (adapters == null) {
            // Moshi leaves null fields out by default: a field the person did not set is never sent as null or "".
            Moshi moshi = new Moshi.Builder().add(new LenientJsonAdapters()).build();
            adapters = new Adapters(moshi.adapter(WireCreateRequest.class), moshi.adapter(WireRoot.class));
        }
        return adapters;
    }

    /** The JSON body for this request. */
    public String toJson(GenerationRequest r) {
        WireCreateRequest w = new WireCreateRequest();
        w.modelName = r.modelName();
        w.modelVersion = r.modelVersion();
        w.prompt = r.prompt();
        w.negativePrompt = r.negativePrompt();
        w.enhancePrompt = r.enhancePrompt();
        if (!r.referenceUrls().isEmpty()) {
            w.fileInfos = new ArrayList<>();
            for (String url : r.referenceUrls()) {
                WireCreateFile f = new WireCreateFile();
                f.type = "Url";
                f.url = url;
                w.fileInfos.add(f);
            }
        }
        w.lastFrameUrl = r.kind() == TaskKind.VIDEO ? r.lastFrameUrl() : null;
        WireCreateOutputConfig c = new WireCreateOutputConfig();
        c.storageMode = r.storageMode();
        c.resolution = r.resolution();
        c.aspectRatio = r.aspectRatio();
        c.personGeneration = r.personGeneration();
        if (r.kind() == TaskKind.VIDEO) {
            c.duration = r.durationSeconds();
            c.audioGeneration = r.audioGeneration();
        }
        boolean anyOutput = c.storageMode != null
                || c.resolution != null
                || c.aspectRatio != null
                || c.personGeneration != null
                || c.duration != null
                || c.audioGeneration != null;
        w.outputConfig = anyOutput ? c : null;
        return adapters().request().toJson(w);
    }

    /** A body this app sent, read back; empty if it cannot be read. */
    public Optional<GenerationRequest> fromSentJson(TaskKind kind, String json) {
        try {
            WireCreateRequest w = json == null ? null : adapters().request().fromJson(json);
            if (w == null) {
                return Optional.empty();
            }
            List<String> urls = w.fileInfos == null
                    ? List.of()
                    : w.fileInfos.stream()
                            .filter(f -> f != null && "Url".equalsIgnoreCase(f.type))
                            .map(f -> f.url)
                            .toList();
            WireCreateOutputConfig c = w.outputConfig == null ? new WireCreateOutputConfig() : w.outputConfig;
            return Optional.of(new GenerationRequest(
                    kind,
                    w.modelName,
                    w.modelVersion,
                    w.prompt,
                    w.negativePrompt,
                    w.enhancePrompt,
                    c.aspectRatio,
                    c.resolution,
                    c.duration,
                    c.audioGeneration,
                    c.storageMode,
                    c.personGeneration,
                    urls,
                    w.lastFrameUrl));
        } catch (IOException | JsonDataException e) {
            return Optional.empty();
        }
    }

    /**
     * The parameters a task was created with, from the service's answer as the ledger recorded it.
     * The service's placeholders ("", the zero time, zeros) count as not set.
     */
    public Optional<GenerationRequest> fromAnswer(TaskKind kind, String rawAnswer) {
        try {
            WireRoot root = rawAnswer == null ? null : adapters().answer().fromJson(rawAnswer);
            WireResponse r = root == null ? null : root.response;
            WireAigcTask t = r == null ? null : kind == TaskKind.VIDEO ? r.aigcVideoTask : r.aigcImageTask;
            WireInput in = t == null ? null : t.input;
            if (in == null) {
                return Optional.empty();
            }
            List<String> urls = new ArrayList<>();
            for (WireInputFile f : in.fileInfos == null ? List.<WireInputFile>of() : in.fileInfos) {
                if (f != null && f.url != null && (f.usage == null || !f.usage.equalsIgnoreCase("LastFrame"))) {
                    urls.add(f.url);
                }
            }
            WireOutputConfig c = in.outputConfig == null ? new WireOutputConfig() : in.outputConfig;
            return Optional.of(new GenerationRequest(
                    kind,
                    in.modelName,
                    in.modelVersion,
                    in.prompt,
                    in.negativePrompt,
                    in.enhancePrompt,
                    c.aspectRatio,
                    c.resolution,
                    c.duration,
                    c.audioGeneration,
                    c.storageMode,
                    c.personGeneration,
                    urls,
                    in.lastFrameUrl));
        } catch (IOException | JsonDataException e) {
            return Optional.empty();
        }
    }
}
