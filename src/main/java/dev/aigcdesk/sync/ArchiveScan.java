package dev.aigcdesk.sync;

import dev.aigcdesk.api.TaskJson;
import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.download.provenance.ProvenanceWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the archive itself back into tasks: every archived PNG carries its task's JSON, and every
 * other file has it in a sidecar. What {@code repair} rebuilds from when the library is gone.
 */
final class ArchiveScan {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveScan.class);
    /** Archive names end in "-N.ext", N being the output's place in its task. */
    private static final Pattern INDEX = Pattern.compile("-(\\d{1,3})(?: \\(\\d+\\))?\\.[A-Za-z0-9]{1,5}$");

    /** One archived file and the task it came from. */
    record Found(GenerationTask task, Path file, int index) {
    }

    private final TaskJson json;

    ArchiveScan(TaskJson json) {
        this.json = json;
    }

    List<Found> scan(Path archive) {
        List<Found> out = new ArrayList<>();
        if (!Files.isDirectory(archive)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(archive)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!Files.isRegularFile(f) || name.endsWith(".json") || name.startsWith(".") || f.startsWith(archive.resolve(".incoming"))) {
                    continue;
                }
                read(f).ifPresent(out::add);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("The archive {} could not be read completely: {}", archive, e.toString());
        }
        return out;
    }

    private Optional<Found> read(Path f) {
        try {
            Optional<GenerationTask> task = ProvenanceWriter.readTaskJson(f).flatMap(json::readSummary);
            if (task.isEmpty()) {
                return Optional.empty();
            }
            Matcher m = INDEX.matcher(f.getFileName().toString());
            return Optional.of(new Found(task.get(), f, m.find() ? Integer.parseInt(m.group(1)) : 1));
        } catch (IOException e) {
            LOG.info("Could not read {}: {}", f, e.toString());
            return Optional.empty();
        }
    }
}
