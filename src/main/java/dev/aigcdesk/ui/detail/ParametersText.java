package dev.aigcdesk.ui.detail;

import dev.aigcdesk.api.TaskJson;
import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.download.provenance.Provenance;
import java.util.LinkedHashMap;
import java.util.Map;

/** "Copy parameters": the prompt, negative prompt, model, version and output settings, as AUTOMATIC1111 text or as JSON. */
final class ParametersText {

    private ParametersText() {}

    /** The same "parameters" text the archived PNGs carry, which other tools read. */
    static String a1111(GenerationTask t) {
        return new Provenance(
                        t.id().value(),
                        t.prompt(),
                        t.negativePrompt(),
                        t.modelLabel(),
                        t.seed(),
                        t.outputConfig().resolution(),
                        t.outputConfig().aspectRatio(),
                        t.times().created(),
                        "",
                        "AIGC Desk")
                .parametersText();
    }

    static String json(GenerationTask t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("prompt", t.prompt());
        m.put("negativePrompt", t.negativePrompt());
        m.put("enhancePrompt", t.enhancePrompt());
        m.put("model", t.modelName());
        m.put("modelVersion", t.modelVersion());
        m.put("resolution", t.outputConfig().resolution());
        m.put("aspectRatio", t.outputConfig().aspectRatio());
        m.put("duration", t.outputConfig().durationSeconds());
        m.put("seed", t.seed());
        m.put("taskId", t.id().value());
        return new TaskJson().write(m);
    }
}
