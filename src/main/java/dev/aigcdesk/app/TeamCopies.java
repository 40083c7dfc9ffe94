package dev.aigcdesk.app;

import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.LocalCopies;
import dev.aigcdesk.store.HashStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where this desktop finds a team library's files: where it saved them itself, or else in its copy of
 * the team's files, named by hash as in the store ({@code sync.TeamShelf} fetches them there).
 */
final class TeamCopies implements LocalCopies {

    private final Path folder;

    TeamCopies(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    @Override
    public FileRecord here(FileRecord f) {
        if (!f.isArchived() || f.sha256Final() == null || f.localPath() != null && Files.isRegularFile(f.localPath())) {
            return f;
        }
        Path copy = folder.resolve(HashStore.keyOf(f.sha256Final(), HashStore.extensionOf(f.localPath())));
        return new FileRecord(
                f.taskId(),
                f.index(),
                f.file(),
                f.state(),
                copy,
                f.localSize(),
                f.sha256Download(),
                f.sha256Final(),
                f.flags(),
                f.attempts(),
                f.lastError(),
                f.archivedAt(),
                f.palette());
    }
}
