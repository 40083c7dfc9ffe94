package dev.aigcdesk.config;

import dev.aigcdesk.domain.GenerationRequest;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.io.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The "New generation" panel's last choices, per kind: model, version, shape, length, switches (not
 * the prompt), so the next generation starts where the last one left off.
 */
public final class GenerationChoices {

    /** The last kind used and each kind's last settings (empty requests the first time). */
    public record Remembered(TaskKind lastKind, GenerationRequest image, GenerationRequest video) {
        public GenerationRequest of(TaskKind kind) {
            return kind == TaskKind.VIDEO ? video : image;
        }
    }

    private static final String FILE = "generation.properties";

    private final Path folder;

    public GenerationChoices(Path configFolder) {
        this.folder = configFolder;
    }

    public Remembered load() {
        Properties p = saved();
        TaskKind last = "VIDEO".equals(p.getProperty("last.kind")) ? TaskKind.VIDEO : TaskKind.IMAGE;
        return new Remembered(last, read(p, TaskKind.IMAGE), read(p, TaskKind.VIDEO));
    }

    /** Keeps {@code r}'s settings as its kind's last choices. */
    public void remember(GenerationRequest r) throws IOException {
        Properties p = saved();
        Path f = folder.resolve(FILE);
        String k = prefix(r.kind());
        p.setProperty("last.kind", r.kind().name());
        set(p, k + "model", r.modelName());
        set(p, k + "version", r.modelVersion());
        set(p, k + "aspect", r.aspectRatio());
        set(p, k + "resolution", r.resolution());
        set(p, k + "enhance", r.enhancePrompt());
        set(
                p,
                k + "duration",
                r.durationSeconds() == null ? null : r.durationSeconds().toString());
        set(p, k + "audio", r.audioGeneration());
        Files.createDirectories(folder);
        Path tmp = folder.resolve(FILE + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "AIGC Desk: the New generation panel's last choices");
        }
        AtomicFiles.replace(tmp, f);
    }

    /** What was saved; nothing when there is no file, and a damaged file only costs the remembered choices. */
    private Properties saved() {
        Properties p = new Properties();
        Path f = folder.resolve(FILE);
        if (Files.isRegularFile(f)) {
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | RuntimeException e) {
                p.clear();
            }
        }
        return p;
    }

    private static GenerationRequest read(Properties p, TaskKind kind) {
        String k = prefix(kind);
        Double duration;
        try {
            duration = p.getProperty(k + "duration") == null ? null : Double.valueOf(p.getProperty(k + "duration"));
        } catch (NumberFormatException e) {
            duration = null;
        }
        return new GenerationRequest(
                kind,
                p.getProperty(k + "model"),
                p.getProperty(k + "version"),
                null,
                null,
                p.getProperty(k + "enhance"),
                p.getProperty(k + "aspect"),
                p.getProperty(k + "resolution"),
                duration,
                p.getProperty(k + "audio"),
                null,
                null,
                List.of(),
                null);
    }

    private static String prefix(TaskKind kind) {
        return kind == TaskKind.VIDEO ? "video." : "image.";
    }

    private static void set(Properties p, String key, String value) {
        if (value == null) {
            p.remove(key);
        } else {
            p.setProperty(key, value);
        }
    }
}
