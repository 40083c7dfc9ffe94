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
import java.util.ArrayList;
import java.util.List;
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
    private final Path copies;
    private final long cap;
    private final SyncEvents events;
    private ScheduledExecutorService loop;
    private AutoCloseable saved;
    private AutoCloseable changed;

    /**
     * @param copies where this desktop keeps the team's files saved elsewhere ({@code LocalCopies} points there)
     * @param cap    how many bytes of them it keeps at most
     */
    public TeamShelf(Library library, HashStore store, Path copies, long cap, SyncEvents events) {
        this.library = library;
        this.store = store;
        this.copies = copies.toAbsolutePath().normalize();
        this.cap = cap;
        this.events = events;
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
            if (e instanceof SyncEvent.FileArchived a
                    && a.path() != null
                    && !a.path().toAbsolutePath().normalize().startsWith(copies)) {
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

    /** One pass over the library: send what only this desktop holds, fetch what it lacks (newest first, within the cap). */
    public synchronized Pass pass() {
        int sent = 0;
        int fetched = 0;
        int failed = 0;
        String problem = null;
        long kept = sizeOfCopies();
        try {
            int total = library.count(TaskQuery.ALL);
            for (int offset = 0; offset < total; offset += PAGE) {
                for (TaskRecord r : library.list(TaskQuery.ALL.page(offset, PAGE))) {
                    for (FileRecord f : r.files()) {
                        if (!f.isArchived() || f.sha256Final() == null || f.localPath() == null) {
                            continue;
                        }
                        try {
                            if (!f.localPath().toAbsolutePath().normalize().startsWith(copies)) {
                                if (Files.isRegularFile(f.localPath())
                                        && store.put(f.localPath(), f.sha256Final(), ext(f))) {
                                    sent++;
                                }
                            } else if (!Files.isRegularFile(f.localPath()) && kept < cap) {
                                store.get(f.sha256Final(), ext(f), f.localPath());
                                kept += Files.size(f.localPath());
                                fetched++;
                                events.publish(new SyncEvent.FileArchived(f, f.localPath(), true));
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
        if (sent + fetched > 0) {
            LOG.info("Team files: {} sent to {}, {} fetched", sent, store.location(), fetched);
        }
        return new Pass(sent, fetched, failed, problem);
    }

    /** Brings these tasks' files saved elsewhere to this desktop, whatever the cap (an export asked for them), verified. */
    public synchronized Pass fetch(List<TaskRecord> records) {
        int fetched = 0;
        int failed = 0;
        String problem = null;
        for (TaskRecord r : records) {
            for (FileRecord f : r.files()) {
                if (f.isArchived()
                        && f.sha256Final() != null
                        && f.localPath() != null
                        && f.localPath().toAbsolutePath().normalize().startsWith(copies)
                        && !Files.isRegularFile(f.localPath())) {
                    try {
                        store.get(f.sha256Final(), ext(f), f.localPath());
                        fetched++;
                    } catch (IOException e) {
                        failed++;
                        problem = e.getMessage();
                    }
                }
            }
        }
        return new Pass(0, fetched, failed, problem);
    }

    /** The extension a saved file is kept under: its own name's. */
    static String ext(FileRecord f) {
        return HashStore.extensionOf(f.localPath());
    }

    private long sizeOfCopies() {
        if (!Files.isDirectory(copies)) {
            return 0;
        }
        try (var all = Files.walk(copies)) {
            return all.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
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
