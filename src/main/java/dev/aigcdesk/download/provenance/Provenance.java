package dev.aigcdesk.download.provenance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a saved file should say about how it was made. {@code taskJson} is the task as AIGC Desk
 * describes it; {@code creatorTool} names the app and version.
 */
public record Provenance(
        String taskId,
        String prompt,
        String negativePrompt,
        String model,
        Long seed,
        String resolution,
        String aspectRatio,
        Instant created,
        String taskJson,
        String creatorTool,
        int rating,
        List<String> keywords,
        List<String> collections) {

    public Provenance {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        collections = collections == null ? List.of() : List.copyOf(collections);
    }

    /** Without stars or tags (the file's task has none yet). */
    public Provenance(
            String taskId,
            String prompt,
            String negativePrompt,
            String model,
            Long seed,
            String resolution,
            String aspectRatio,
            Instant created,
            String taskJson,
            String creatorTool) {
        this(
                taskId,
                prompt,
                negativePrompt,
                model,
                seed,
                resolution,
                aspectRatio,
                created,
                taskJson,
                creatorTool,
                0,
                List.of(),
                List.of());
    }

    /** IPTC's term for media made by a trained model. */
    public static final String TRAINED_ALGORITHMIC_MEDIA =
            "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

    /**
     * The AUTOMATIC1111 "parameters" text that Civitai and similar tools read: the prompt, a
     * {@code Negative prompt:} line, then one line of {@code Key: value} pairs.
     */
    public String parametersText() {
        StringBuilder sb = new StringBuilder(prompt == null ? "" : prompt.strip());
        if (negativePrompt != null && !negativePrompt.isBlank()) {
            sb.append("\nNegative prompt: ").append(negativePrompt.strip());
        }
        List<String> pairs = new ArrayList<>();
        if (model != null && !model.isBlank()) {
            pairs.add("Model: " + model);
        }
        pairs.add("Task: " + taskId);
        if (seed != null) {
            pairs.add("Seed: " + seed);
        }
        if (resolution != null && !resolution.isBlank()) {
            pairs.add("Size: " + resolution);
        }
        if (aspectRatio != null && !aspectRatio.isBlank()) {
            pairs.add("Aspect ratio: " + aspectRatio);
        }
        pairs.add("Generator: Tencent Cloud VOD AIGC");
        pairs.add("Saved by: " + creatorTool);
        sb.append('\n').append(String.join(", ", pairs));
        return sb.toString();
    }
}
