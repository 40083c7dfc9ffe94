package dev.aigcdesk.cli;

import dev.aigcdesk.domain.GenerationRequest;
import dev.aigcdesk.domain.TaskKind;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The flags of {@code create image}, {@code create video} and {@code create again}: what a generation asks for. */
final class GenerationOptions {

    /** {@code on|off} flags, sent as the service's Enabled/Disabled. */
    enum Switch {
        on,
        off;

        String wire() {
            return this == on ? "Enabled" : "Disabled";
        }
    }

    @Option(
            names = "--model",
            paramLabel = "NAME",
            description = "Model name, e.g. GEM, Kling, Hailuo (free text: the service decides).")
    String model;

    @Option(names = "--model-version", paramLabel = "V", description = "Model version, e.g. 2.5, 3.0.")
    String version;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "What to generate.")
    String prompt;

    @Option(names = "--negative-prompt", paramLabel = "TEXT", description = "What to keep out.")
    String negativePrompt;

    @Option(names = "--enhance-prompt", paramLabel = "on|off", description = "Let the service rewrite the prompt.")
    Switch enhancePrompt;

    @Option(names = "--aspect-ratio", paramLabel = "R", description = "e.g. 1:1, 16:9, 9:16.")
    String aspectRatio;

    @Option(names = "--resolution", paramLabel = "R", description = "e.g. 1K, 2K (images); 720P, 1080P (videos).")
    String resolution;

    @Option(names = "--duration", paramLabel = "S", description = "Video length in seconds.")
    Double duration;

    @Option(names = "--audio", paramLabel = "on|off", description = "Generate sound with the video.")
    Switch audio;

    @Option(
            names = "--reference-url",
            paramLabel = "URL",
            description = "A reference image by URL; repeat for several, in order.")
    List<String> referenceUrls = new ArrayList<>();

    @Option(names = "--last-frame-url", paramLabel = "URL", description = "The video's last frame, by URL.")
    String lastFrameUrl;

    /** The flags given, as a request of {@code kind}; flags not given stay unset. */
    GenerationRequest toRequest(TaskKind kind) {
        return new GenerationRequest(
                kind,
                model,
                version,
                prompt,
                negativePrompt,
                enhancePrompt == null ? null : enhancePrompt.wire(),
                aspectRatio,
                resolution,
                duration,
                audio == null ? null : audio.wire(),
                null,
                null,
                referenceUrls,
                lastFrameUrl);
    }
}
