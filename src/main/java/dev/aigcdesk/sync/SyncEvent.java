package dev.aigcdesk.sync;

import dev.aigcdesk.domain.Problem;
import dev.aigcdesk.domain.Reach;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.TaskRecord;
import java.nio.file.Path;
import java.time.Instant;

/** Something the poller or the archiver did, for anyone observing (the window, the CLI's progress). */
public sealed interface SyncEvent {

    /** A task's recorded answer changed (state or progress). {@code before} is null the first time. */
    record TaskChanged(TaskRecord before, TaskRecord after) implements SyncEvent {}

    /** A polling round in which the service answered: the status bar's "Last refresh". */
    record Refreshed(Instant at) implements SyncEvent {}

    /** A query failed; the task keeps what was recorded. */
    record QueryFailed(TaskId id, String code, String message, boolean keyRejected, boolean offline)
            implements SyncEvent {}

    record ReachChanged(TaskId id, Reach reach) implements SyncEvent {}

    record FileArchived(FileRecord file, Path path, boolean provenanceEmbedded) implements SyncEvent {}

    /** Pictures saved before find-by-look are being looked at: {@code done} of {@code total} this session. */
    record LooksTaken(int done, int total) implements SyncEvent {}

    /** The service deleted a file before it could be saved: a loss, to be reported loudly. */
    record FileExpired(FileRecord file) implements SyncEvent {}

    record FileFailed(FileRecord file, String message, boolean willRetry) implements SyncEvent {}

    /** The archive folder cannot take files (missing, read-only, disk full): nothing is saved until that is fixed. */
    record ArchiveBlocked(String folder, String reason, Problem problem) implements SyncEvent {}

    record DownloadProgress(TaskId id, int index, long done, long total) implements SyncEvent {

        /** The share received (0..1), or -1 when the server did not say the size. */
        public double share() {
            return total > 0 ? Math.min(1, done / (double) total) : -1;
        }

        /** A name for one task's file, the same wherever progress is looked up. */
        public static String fileKey(TaskId id, int index) {
            return id + "#" + index;
        }
    }
}
