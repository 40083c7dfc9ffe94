package dev.aigcdesk.sync;

import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryEvent;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.pacing.ThreadPools;
import dev.aigcdesk.store.HashStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a desktop's files and the team's store in step. What this desktop saved goes up (each file
 * once, by its hash); what other desktops saved comes down into this desktop's copy of the team's
 * files, newest first, within its size cap. The outbox is the library itself: any saved file the store
 * lacks is sent on the next pass, so a store that was down costs nothing but time.
 */
public final class TeamShelf implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TeamShelf.class);
    private static final int PAGE = 500;

    /** What a pass did. */
    public record Pass(int sent, int fetched, int failed, String problem) {}

    private final Library library;
    private final HashStore store;
    private final TeamCache cache;
    private final SyncEvents events;
    private final Clock clock;
    private ScheduledExecutorService loop;
    private AutoCloseable saved;
    private AutoCloseable changed;

    /** @param cache where this desktop keeps the team's files saved elsewhere ({@code LocalCopies} points there), and how much */
    public TeamShelf(Library library, HashStore store, TeamCache cache, SyncEvents events, Clock clock) {
        this.library = library;
        this.store = store;
        this.cache = cache;
        this.events = events;
        this.clock = clock;
    }

    /** The team's store. */
    public HashStore store() {
        return store;
    }

    /** Keeps step in the background: a pass now, after each save here or elsewhere, and every minute while one failed. */
    public synchronized void start() {
        if (loop != null) {
            return;
        }
        loop = ThreadPools.scheduled("team-files");
        saved = events.subscribe(e -> {
            // A file saved here goes up; one this shelf fetched needs nothing more.
            if (e instanceof SyncEvent.FileArchived a && a.path() != null && !cache.holds(a.path())) {
                later();
            }
        });
        changed = library.onChange(e -> {
            if (e.remote() && (e.kind() == LibraryEvent.Kind.FILES || e.kind() == LibraryEvent.Kind.BACK)) {
                later();
            }
        });
        loop.scheduleWithFixedDelay(this::passQuietly, 0, 60, TimeUnit.SECONDS);
    }

    private void later() {
        ScheduledExecutorService l = loop;
        if (l != null && !l.isShutdown()) {
            l.schedule(this::passQuietly, 1, TimeUnit.SECONDS);
        }
    }

    private void passQuietly() {
        try {
            Pass p = pass();
            if (p.problem() != null) {
                LOG.warn("The team's files are not all in step ({} left): {}", p.failed(), p.problem());
            }
        } catch (RuntimeException e) {
            LOG.warn("A pass over the team's files failed", e);
        }
    }

    /**
     * One pass over the library: send what only this desktop holds; keep copies of what others saved, the
     * most recently wanted first (a new generation is wanted when it is made, an old one when it is opened),
     * as many as the cache's budget holds, fetching those missing and letting go of the rest.
     */
    public synchronized Pass pass() {
        int sent = 0;
        int fetched = 0;
        int failed = 0;
        String problem = null;
        List<Wanted> elsewhere = new ArrayList<>();
        try {
            int total = library.count(TaskQuery.ALL);
            for (int offset = 0; offset < total; offset += PAGE) {
                for (TaskRecord r : library.list(TaskQuery.ALL.page(offset, PAGE))) {
                    for (FileRecord f : r.files()) {
                        if (!f.isArchived() || f.sha256Final() == null || f.localPath() == null) {
                            continue;
                        }
                        if (cache.holds(f.localPath())) {
                            elsewhere.add(new Wanted(f, wantedAt(f, r)));
                            continue;
                        }
                        try {
                            if (Files.isRegularFile(f.localPath())
                                    && store.put(f.localPath(), f.sha256Final(), ext(f))) {
                                sent++;
                            }
                        } catch (IOException e) {
                            failed++;
                            problem = e.getMessage();
                        }
                    }
                }
            }
        } catch (LibraryException e) {
            return new Pass(sent, fetched, failed + 1, e.getMessage());
        }
        long budget = cache.budgetForCopies();
        long used = 0;
        Set<Path> keep = new HashSet<>();
        elsewhere.sort(Comparator.comparing(Wanted::at).reversed());
        for (Wanted w : elsewhere) {
            FileRecord f = w.file();
            used += f.localSize() == null ? 0 : f.localSize();
            if (used > budget) {
                break;
            }
            keep.add(f.localPath().toAbsolutePath().normalize());
            if (!Files.isRegularFile(f.localPath())) {
                try {
                    bring(f, w.at());
                    fetched++;
                } catch (IOException e) {
                    failed++;
                    problem = e.getMessage();
                }
            }
        }
        cache.evict(keep);
        if (sent + fetched > 0) {
            LOG.info("Team files: {} sent to {}, {} fetched", sent, store.location(), fetched);
        }
        return new Pass(sent, fetched, failed, problem);
    }

    /** A file and when it was last wanted here. */
    private record Wanted(FileRecord file, Instant at) {}

    /** When it was saved, or later opened here (a copy's time is its last use). */
    private static Instant wantedAt(FileRecord f, TaskRecord r) {
        Instant made = f.archivedAt() != null ? f.archivedAt() : r.addedAt();
        try {
            if (Files.isRegularFile(f.localPath())) {
                Instant used = Files.getLastModifiedTime(f.localPath()).toInstant();
                return used.isAfter(made) ? used : made;
            }
        } catch (IOException e) {
            // as if never opened
        }
        return made;
    }

    /**
     * Brings these tasks' files saved elsewhere to this desktop, whatever the cap (an export asked for them,
     * or the user opened them), verified; those already here are marked as just used.
     */
    public synchronized Pass fetch(List<TaskRecord> records) {
        int fetched = 0;
        int failed = 0;
        String problem = null;
        for (TaskRecord r : records) {
            for (FileRecord f : r.files()) {
                if (!f.isArchived() || f.sha256Final() == null || !cache.holds(f.localPath())) {
                    continue;
                }
                if (Files.isRegularFile(f.localPath())) {
                    TeamCache.touch(f.localPath(), clock.instant());
                    continue;
                }
                try {
                    bring(f, clock.instant());
                    fetched++;
                } catch (IOException e) {
                    failed++;
                    problem = e.getMessage();
                }
            }
        }
        return new Pass(0, fetched, failed, problem);
    }

    /**
     * An opened task's files, here: fetched from the store if this desktop has no copy (then true), else
     * marked as just wanted.
     *
     * @throws IOException when a file did not come (the store is down, or lost it)
     */
    public boolean bringHere(TaskRecord r) throws IOException {
        Pass p = fetch(List.of(r));
        if (p.failed() > 0) {
            throw new IOException("The team's store did not give this task's file: " + p.problem());
        }
        return p.fetched() > 0;
    }

    /** One file from the store into this desktop's copies, checked against its hash, wanted at {@code at}; the window is told. */
    private void bring(FileRecord f, Instant at) throws IOException {
        store.get(f.sha256Final(), ext(f), f.localPath());
        TeamCache.touch(f.localPath(), at);
        events.publish(new SyncEvent.FileArchived(f, f.localPath(), true));
    }

    /** The extension a saved file is kept under: its own name's. */
    static String ext(FileRecord f) {
        return HashStore.extensionOf(f.localPath());
    }

    @Override
    public synchronized void close() {
        List<AutoCloseable> subs = new ArrayList<>();
        if (saved != null) {
            subs.add(saved);
        }
        if (changed != null) {
            subs.add(changed);
        }
        for (AutoCloseable s : subs) {
            try {
                s.close();
            } catch (Exception ignored) {
                // Removing a listener does not fail.
            }
        }
        if (loop != null) {
            loop.shutdownNow();
        }
    }
}
