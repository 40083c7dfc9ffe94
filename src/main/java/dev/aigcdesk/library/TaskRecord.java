package dev.aigcdesk.library;

import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.Reach;
import dev.aigcdesk.domain.Standing;
import dev.aigcdesk.domain.TaskId;
import java.time.Instant;
import java.util.List;

/** A task as the ledger holds it: the task, its files with their archive state, and bookkeeping. */
public record TaskRecord(
        GenerationTask task,
        Instant addedAt,
        Instant refreshedAt,
        Reach reach,
        String lastError,
        List<FileRecord> files,
        Curation curation,
        Authors authors) {

    public TaskRecord {
        files = files == null ? List.of() : List.copyOf(files);
        curation = curation == null ? Curation.NONE : curation;
        authors = authors == null ? Authors.NONE : authors;
    }

    public TaskRecord(
            GenerationTask task,
            Instant addedAt,
            Instant refreshedAt,
            Reach reach,
            String lastError,
            List<FileRecord> files,
            Curation curation) {
        this(task, addedAt, refreshedAt, reach, lastError, files, curation, Authors.NONE);
    }

    public TaskRecord(
            GenerationTask task,
            Instant addedAt,
            Instant refreshedAt,
            Reach reach,
            String lastError,
            List<FileRecord> files) {
        this(task, addedAt, refreshedAt, reach, lastError, files, Curation.NONE);
    }

    public TaskId id() {
        return task.id();
    }

    /** Seen at least once with a real answer from the service. */
    public boolean wasAnswered() {
        return refreshedAt != null;
    }

    /** Where it stands: decided by {@link Standing#of}, the one rule. */
    public Standing standing() {
        return Standing.of(
                task.state(), reach, files.stream().map(FileRecord::state).toList());
    }

    public boolean allArchived() {
        return !files.isEmpty() && files.stream().allMatch(FileRecord::isArchived);
    }
}
