package dev.aigcdesk.sync;

import dev.aigcdesk.io.AtomicFiles;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.TaskRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Copies the archived outputs of some tasks (with their sidecars) flat into a folder, under their
 * archive names. A name already there is skipped, never overwritten, so running it twice changes nothing.
 */
public final class ArchiveExport {

    /** How many outputs were copied, and how many were already there. */
    public record Result(int copied, int skipped) {}

    private ArchiveExport() {}

    public static Result copy(List<TaskRecord> tasks, Path folder) throws IOException {
        Path dir = folder.toAbsolutePath();
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " is not a folder");
        }
        Files.createDirectories(dir);
        int copied = 0;
        int skipped = 0;
        for (TaskRecord r : tasks) {
            for (FileRecord f : r.files()) {
                if (!f.isArchived() || f.localPath() == null || !Files.isRegularFile(f.localPath())) {
                    continue;
                }
                for (Path source : List.of(
                        f.localPath(),
                        f.localPath().resolveSibling(f.localPath().getFileName() + ".json"))) {
                    if (!Files.isRegularFile(source)) {
                        continue;
                    }
                    boolean output = source.equals(f.localPath());
                    Path target = dir.resolve(source.getFileName().toString());
                    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                        skipped += output ? 1 : 0;
                        continue;
                    }
                    Path tmp = dir.resolve("." + source.getFileName() + ".tmp");
                    try {
                        Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
                        AtomicFiles.place(tmp, target);
                    } finally {
                        Files.deleteIfExists(tmp);
                    }
                    copied += output ? 1 : 0;
                }
            }
        }
        return new Result(copied, skipped);
    }
}
