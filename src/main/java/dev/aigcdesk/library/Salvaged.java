package dev.aigcdesk.library;

import dev.aigcdesk.domain.TaskId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a damaged library still holds, read by its engine's adapter in every way it can: the rows that
 * still read, the service's answers found in what is left of them, the words of tasks whose rows are
 * gone, and every task id its bytes still name.
 *
 * @param keptAside where the damaged library was put aside (never deleted); null when there was none
 * @param expected  how many tasks it says it held, or -1 when even that cannot be read
 * @param tasks     the tasks read whole
 * @param answers   the service's saved answers found for tasks whose rows could not be read whole, by task
 * @param words     the prompt, negative prompt and model of tasks of which nothing else is left
 * @param ids       every task id named anywhere in what is left
 */
public record Salvaged(
        String keptAside,
        int expected,
        List<Task> tasks,
        Map<TaskId, List<String>> answers,
        Map<TaskId, Words> words,
        Set<TaskId> ids) {

    public static final Salvaged NOTHING = new Salvaged(null, -1, List.of(), Map.of(), Map.of(), Set.of());

    /** A task read whole: enough to rebuild it from the service's own answers. */
    public record Task(
            TaskId id, Instant addedAt, String rawLatest, String rawFirstFinish, List<File> files, Curation curation) {}

    /** An output's archive record. */
    public record File(
            int index,
            Path localPath,
            Long size,
            String sha256Download,
            String sha256Final,
            String flags,
            boolean archived) {}

    /** A task's words as the search index kept them. */
    public record Words(String prompt, String negativePrompt, String model) {}
}
