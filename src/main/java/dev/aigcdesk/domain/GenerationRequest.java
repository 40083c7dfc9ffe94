package dev.aigcdesk.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a new generation asks for. Every optional field is null when not set, never "" or 0, so the
 * request sent leaves it out. Model names are open strings: the service decides what it supports.
 *
 * @param enhancePrompt   "Enabled" or "Disabled", or null
 * @param audioGeneration "Enabled" or "Disabled" (video), or null
 * @param referenceUrls   reference images by URL, in the order given
 */
public record GenerationRequest(
        TaskKind kind,
        String modelName,
        String modelVersion,
        String prompt,
        String negativePrompt,
        String enhancePrompt,
        String aspectRatio,
        String resolution,
        Double durationSeconds,
        String audioGeneration,
        String storageMode,
        String personGeneration,
        List<String> referenceUrls,
        String lastFrameUrl) {

    public GenerationRequest {
        Objects.requireNonNull(kind, "kind");
        if (kind != TaskKind.IMAGE && kind != TaskKind.VIDEO) {
            throw new IllegalArgumentException("Only images and videos can be generated, not " + kind);
        }
        modelName = clean(modelName);
        modelVersion = clean(modelVersion);
        prompt = clean(prompt);
        negativePrompt = clean(negativePrompt);
        enhancePrompt = clean(enhancePrompt);
        aspectRatio = clean(aspectRatio);
        resolution = clean(resolution);
        durationSeconds =
                durationSeconds == null || durationSeconds <= 0 || durationSeconds.isNaN() ? null : durationSeconds;
        audioGeneration = clean(audioGeneration);
        storageMode = clean(storageMode);
        personGeneration = clean(personGeneration);
        List<String> urls = new ArrayList<>();
        for (String u : referenceUrls == null ? List.<String>of() : referenceUrls) {
            String c = clean(u);
            if (c != null) {
                urls.add(c);
            }
        }
        referenceUrls = List.copyOf(urls);
        lastFrameUrl = clean(lastFrameUrl);
    }

    /** An empty request of this kind, to fill in. */
    public static GenerationRequest of(TaskKind kind) {
        return new GenerationRequest(
                kind, null, null, null, null, null, null, null, null, null, null, null, List.of(), null);
    }

    /** What is still missing before this can be sent (model, version, prompt), or empty when complete. */
    public List<String> missing() {
        List<String> out = new ArrayList<>();
        if (modelName == null) {
            out.add("model");
        }
        if (modelVersion == null) {
            out.add("model version");
        }
        if (prompt == null) {
            out.add("prompt");
        }
        return out;
    }

    /** This request with every field {@code changes} sets replacing this one's; reference URLs are replaced as a list. */
    public GenerationRequest with(GenerationRequest changes) {
        return new GenerationRequest(
                kind,
                or(changes.modelName, modelName),
                or(changes.modelVersion, modelVersion),
                or(changes.prompt, prompt),
                or(changes.negativePrompt, negativePrompt),
                or(changes.enhancePrompt, enhancePrompt),
                or(changes.aspectRatio, aspectRatio),
                or(changes.resolution, resolution),
                or(changes.durationSeconds, durationSeconds),
                or(changes.audioGeneration, audioGeneration),
                or(changes.storageMode, storageMode),
                or(changes.personGeneration, personGeneration),
                changes.referenceUrls.isEmpty() ? referenceUrls : changes.referenceUrls,
                or(changes.lastFrameUrl, lastFrameUrl));
    }

    private static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    /** The service's placeholders for "not set" ("", the zero time) count as not set. */
    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() || t.startsWith("0000-00-00") ? null : t;
    }
}
