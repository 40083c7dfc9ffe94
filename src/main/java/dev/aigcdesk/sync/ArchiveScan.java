package dev.aigcdesk.sync;

import dev.aigcdesk.api.TaskJson;
import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.OutputFile;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.download.provenance.SavedProvenance;
import dev.aigcdesk.library.Curation;
import dev.aigcdesk.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the archive itself back into tasks: every archived PNG and JPEG carries its task (the task
 * JSON, or at least its id, prompt and model in XMP) with the stars, tags and collections it had, and
 * every other file has a sidecar. What {@code repair} rebuilds from when the library is damaged.
 */
final class ArchiveScan {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveScan.class);
    /** Archive names end in "-N.ext", N being the output's place in its task. */
    private static final Pattern INDEX = Pattern.compile("-(\\d{1,3})(?: \\(\\d+\\))?\\.[A-Za-z0-9]{1,5}$");

    /**
     * One archived file and the task it came from.
     *
     * @param complete whether the task is the whole task JSON; false when only the XMP fields named it
     */
    record Found(GenerationTask task, Path file, int index, Curation curation, boolean complete) {}

    private final TaskJson json;

    ArchiveScan(TaskJson json) {
        this.json = json;
    }

    List<Found> scan(Store store) {
        List<Found> out = new ArrayList<>();
        try {
            for (Path f : store.files()) {
                read(f).ifPresent(out::add);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("The archive {} could not be read completely: {}", store.location(), e.toString());
        }
        return withAllOutputs(out);
    }

    private Optional<Found> read(Path f) {
        try {
            Optional<SavedProvenance> saved = SavedProvenance.read(f);
            if (saved.isEmpty() || !saved.get().namesTask()) {
                return Optional.empty();
            }
            SavedProvenance p = saved.get();
            Matcher m = INDEX.matcher(f.getFileName().toString());
            int index = m.find() ? Integer.parseInt(m.group(1)) : 1;
            Curation curation = new Curation(p.rating(), p.keywords(), p.collections());
            Optional<GenerationTask> whole = p.taskJson() == null ? Optional.empty() : json.readSummary(p.taskJson());
            if (whole.isPresent()) {
                return Optional.of(new Found(whole.get(), f, index, curation, true));
            }
            return fromXmp(p, f, index).map(t -> new Found(t, f, index, curation, false));
        } catch (IOException e) {
            LOG.info("Could not read {}: {}", f, e.toString());
            return Optional.empty();
        }
    }

    /** A task from the XMP fields alone: its id, prompt, model and date, finished, with outputs up to this file's place. */
    private Optional<GenerationTask> fromXmp(SavedProvenance p, Path f, int outputs) {
        if (p.taskId() == null || !TaskId.isValid(p.taskId())) {
            return Optional.empty();
        }
        String name = f.getFileName().toString();
        String type = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskId", p.taskId());
        m.put("state", "FINISH");
        m.put("progress", 100);
        m.put("prompt", p.prompt());
        if (p.model() != null) {
            int space = p.model().lastIndexOf(' ');
            m.put("model", space > 0 ? p.model().substring(0, space) : p.model());
            m.put("modelVersion", space > 0 ? p.model().substring(space + 1) : null);
        }
        m.put("createTime", p.created() == null ? null : p.created().toString());
        List<Object> files = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            files.add(Map.of("url", "", "type", type));
        }
        m.put("files", files);
        return json.readSummary(json.write(m));
    }

    /** A task named only by XMP gets as many outputs as its highest-numbered file, so every one of its files links. */
    private List<Found> withAllOutputs(List<Found> found) {
        Map<TaskId, Integer> most = new HashMap<>();
        for (Found f : found) {
            if (!f.complete()) {
                most.merge(f.task().id(), f.index(), Math::max);
            }
        }
        List<Found> out = new ArrayList<>(found.size());
        for (Found f : found) {
            if (f.complete() || f.task().outputs().size() >= most.get(f.task().id())) {
                out.add(f);
            } else {
                out.add(new Found(with(f.task(), most.get(f.task().id())), f.file(), f.index(), f.curation(), false));
            }
        }
        return out;
    }

    private static GenerationTask with(GenerationTask t, int outputs) {
        List<OutputFile> files = new ArrayList<>(t.outputs());
        while (files.size() < outputs) {
            files.add(files.get(0));
        }
        return t.withOutputs(files);
    }
}
