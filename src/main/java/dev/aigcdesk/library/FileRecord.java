package dev.aigcdesk.library;

import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.OutputFile;
import dev.aigcdesk.domain.Palette;
import dev.aigcdesk.domain.TaskId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

/** One output file with what the archive knows of it. Local fields are null until it is saved. */
public record FileRecord(
        TaskId taskId,
        int index,
        OutputFile file,
        ArchiveState state,
        Path localPath,
        Long localSize,
        String sha256Download,
        String sha256Final,
        Set<String> flags,
        int attempts,
        String lastError,
        Instant archivedAt,
        Palette palette) {

    /** The header claims a size too large to decode safely. */
    public static final String FLAG_OVERSIZED = "oversized-image";
    /** Provenance went to a sidecar because the file was signed or labelled already. */
    public static final String FLAG_SIDECAR = "sidecar";
    /** The transfer was complete, but the service's metadata announced another size; the bytes were kept as served. */
    public static final String FLAG_SIZE_DISAGREES = "size-disagrees";

    public FileRecord {
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        palette = palette == null ? Palette.NONE : palette;
    }

    /** Without its palette (not looked at yet). */
    public FileRecord(
            TaskId taskId,
            int index,
            OutputFile file,
            ArchiveState state,
            Path localPath,
            Long localSize,
            String sha256Download,
            String sha256Final,
            Set<String> flags,
            int attempts,
            String lastError,
            Instant archivedAt) {
        this(
                taskId,
                index,
                file,
                state,
                localPath,
                localSize,
                sha256Download,
                sha256Final,
                flags,
                attempts,
                lastError,
                archivedAt,
                Palette.NONE);
    }

    public boolean isArchived() {
        return state == ArchiveState.ARCHIVED;
    }

    /** Where to read this output from: the archived copy when there is one, else the service's link. */
    public String bestSource() {
        return isArchived() && localPath() != null ? localPath().toUri().toString() : file().url();
    }
}
