package dev.aigcdesk.sync;

import dev.aigcdesk.domain.Reach;
import dev.aigcdesk.library.Creations;
import dev.aigcdesk.library.Curation;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.Lineage;
import dev.aigcdesk.library.Removal;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.store.HashStore;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Copies a desktop's own library into a team library: each task the team lacks comes with its answers,
 * files, curation and how it was made; a task the team has already gets this desktop's tags and
 * collections added (sets merge) and its stars where the team has none. Saved files go into the team's
 * store once each. Running it again changes nothing.
 */
public final class LibraryPush {

    /** What a push did. */
    public record Result(int added, int merged, int filesSent, List<String> problems) {}

    private static final int PAGE = 500;

    private LibraryPush() {}

    /**
     * @param store    the team's store, or null when the team keeps no files
     * @param progress told a line now and then ("1,500 of 12,000 tasks")
     */
    public static Result run(Library local, Library team, HashStore store, Consumer<String> progress)
            throws LibraryException {
        int added = 0;
        int merged = 0;
        int sent = 0;
        List<String> problems = new ArrayList<>();
        int total = local.count(TaskQuery.ALL);
        for (int offset = 0; offset < total; offset += PAGE) {
            for (TaskRecord mine : local.list(TaskQuery.ALL.page(offset, PAGE))) {
                Optional<TaskRecord> theirs = team.find(mine.id());
                if (theirs.isEmpty()) {
                    team.removals().restore(new Removal(mine, local.raw(mine.id()), List.of(), made(local, mine)));
                    added++;
                } else if (merge(team, mine.curation(), theirs.get().curation(), mine)
                        | forward(local, team, mine, theirs.get())) {
                    merged++;
                }
                if (store != null) {
                    sent += send(store, mine, problems);
                }
            }
            progress.accept(String.format("%,d of %,d tasks", Math.min(offset + PAGE, total), total));
        }
        return new Result(added, merged, sent, problems);
    }

    private static Creations.Made made(Library local, TaskRecord r) throws LibraryException {
        Lineage l = local.creations().lineage(r.id());
        return l.sentRequest() == null
                ? null
                : new Creations.Made(
                        l.sentRequest(),
                        r.task().requestId(),
                        l.parent() == null ? null : l.parent().value(),
                        r.addedAt().toEpochMilli());
    }

    /**
     * Brings to {@code to} what {@code from} knows newer about one task: a later answer (with where the service
     * stands on it) and the files saved on this desktop that {@code to} does not have as saved. Never takes
     * anything back; true when anything changed.
     */
    public static boolean forward(Library from, Library to, TaskRecord mine, TaskRecord theirs)
            throws LibraryException {
        boolean changed = false;
        boolean notOlder = mine.refreshedAt() != null
                && (theirs.refreshedAt() == null || !mine.refreshedAt().isBefore(theirs.refreshedAt()));
        if (notOlder && !mine.refreshedAt().equals(theirs.refreshedAt())) {
            String raw = from.raw(mine.id()).latest();
            if (raw != null) {
                to.recordAnswer(mine.task(), raw, mine.refreshedAt());
                changed = true;
            }
        }
        if (notOlder && mine.reach() != theirs.reach() && mine.reach() != Reach.REACHABLE) {
            to.setReach(mine.id(), mine.reach(), mine.lastError());
            changed = true;
        }
        TaskRecord now = changed ? to.find(mine.id()).orElse(theirs) : theirs;
        for (FileRecord f : mine.files()) {
            if (f.isArchived() && !savedThere(now, f.index())) {
                if (f.localPath() != null) {
                    to.planArchive(
                            mine.id(),
                            f.index(),
                            f.localPath(),
                            f.localSize() == null ? 0 : f.localSize(),
                            f.sha256Download(),
                            f.sha256Final(),
                            f.flags());
                }
                if (f.file().width() != null && f.file().height() != null) {
                    to.recordPixels(
                            mine.id(),
                            f.index(),
                            f.file().width().intValue(),
                            f.file().height().intValue());
                }
                if (f.file().durationSeconds() != null) {
                    to.recordDuration(mine.id(), f.index(), f.file().durationSeconds());
                }
                to.markArchived(mine.id(), f.index(), f.archivedAt() == null ? mine.addedAt() : f.archivedAt());
                changed = true;
            }
        }
        return changed;
    }

    private static boolean savedThere(TaskRecord r, int n) {
        return r.files().stream().anyMatch(f -> f.index() == n && f.isArchived());
    }

    /** Adds what this desktop has and the team lacks; true when anything changed. */
    private static boolean merge(Library team, Curation mine, Curation theirs, TaskRecord r) throws LibraryException {
        boolean changed = false;
        List<String> tags = mine.tags().stream()
                .filter(t -> theirs.tags().stream().noneMatch(x -> x.equalsIgnoreCase(t)))
                .toList();
        if (!tags.isEmpty()) {
            team.curator().tag(List.of(r.id()), tags, List.of());
            changed = true;
        }
        for (String c : mine.collections()) {
            if (theirs.collections().stream().noneMatch(x -> x.equalsIgnoreCase(c))) {
                team.curator().addToCollection(c, List.of(r.id()));
                changed = true;
            }
        }
        if (theirs.stars() == 0 && mine.stars() > 0) {
            team.curator().rate(List.of(r.id()), mine.stars());
            changed = true;
        }
        return changed;
    }

    private static int send(HashStore store, TaskRecord r, List<String> problems) {
        int sent = 0;
        for (FileRecord f : r.files()) {
            if (f.isArchived()
                    && f.sha256Final() != null
                    && f.localPath() != null
                    && Files.isRegularFile(f.localPath())) {
                try {
                    if (store.put(f.localPath(), f.sha256Final(), TeamShelf.ext(f))) {
                        sent++;
                    }
                } catch (IOException e) {
                    problems.add(f.localPath().getFileName() + ": " + e.getMessage());
                }
            }
        }
        return sent;
    }
}
