package dev.aigcdesk.demo;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generations started against a demo library, one JSON line each beside it, so that a task
 * created by {@code create} in one run is still known to the demo service that {@code sync} starts
 * in the next.
 */
public final class DemoCreations {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCreations.class);
    private static final Duration WEEK = Duration.ofDays(7).plusSeconds(14);

    private final Path file;
    private final JsonAdapter<Object> json = new Moshi.Builder().build().adapter(Object.class);

    /** @param file the file to keep them in, or null to keep them only while the server runs */
    public DemoCreations(Path file) {
        this.file = file;
    }

    List<DemoTask> load() {
        List<DemoTask> out = new ArrayList<>();
        if (file == null || !Files.isRegularFile(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    if (json.fromJson(line) instanceof Map<?, ?> m) {
                        out.add(task(m));
                    }
                } catch (IOException | RuntimeException damaged) {
                    LOG.debug("Skipping a damaged demo creation line: {}", damaged.toString());
                }
            }
        } catch (IOException e) {
            LOG.info("Could not read the demo's generations: {}", e.toString());
        }
        return out;
    }

    void keep(DemoTask t) {
        if (file == null) {
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id().value());
        m.put("model", t.model());
        m.put("version", t.version());
        m.put("prompt", t.prompt());
        m.put("negative", t.negativePrompt());
        m.put("offset", t.startOffset().toMillis());
        m.put("resolution", t.resolution());
        m.put("aspect", t.aspectRatio());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    json.toJson(m) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.info("Could not keep a demo generation: {}", e.toString());
        }
    }

    static DemoTask create(
            TaskId id,
            String model,
            String version,
            String prompt,
            String negative,
            Duration offset,
            String resolution,
            String aspect) {
        boolean video = id.kind() == TaskKind.VIDEO;
        return new DemoTask(
                id,
                video ? TaskKind.VIDEO : TaskKind.IMAGE,
                model,
                version,
                prompt,
                negative,
                offset,
                Duration.ofSeconds(2),
                Duration.ofSeconds(video ? 20 : 10),
                DemoTask.Outcome.SUCCEED,
                1,
                video ? "mp4" : "png",
                resolution,
                aspect,
                DemoJson.Style.RAW_WIRE,
                WEEK);
    }

    private static DemoTask task(Map<?, ?> m) {
        return create(
                TaskId.parse((String) m.get("id")),
                (String) m.get("model"),
                (String) m.get("version"),
                (String) m.get("prompt"),
                (String) m.get("negative"),
                Duration.ofMillis(((Number) m.get("offset")).longValue()),
                (String) m.get("resolution"),
                (String) m.get("aspect"));
    }
}
