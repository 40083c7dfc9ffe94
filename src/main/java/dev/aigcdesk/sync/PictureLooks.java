package dev.aigcdesk.sync;

import dev.aigcdesk.domain.Look;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.look.Fingerprinter;
import dev.aigcdesk.pacing.ThreadPools;
import dev.aigcdesk.system.PosterFrames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the look of each saved picture (a video's by its poster frame) once: right after it is saved,
 * and, for pictures saved before, in the background on one low-priority thread, a batch at a time, with
 * progress told. A picture that cannot be read is noted as such and not tried again.
 */
public final class PictureLooks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PictureLooks.class);
    private static final int BATCH = 50;
    /** What is kept for a file that could not be read: looked at, no look. */
    private static final Look UNREAD = new Look(0, new byte[0], null);

    private final Library library;
    private final SyncEvents events;
    private final Fingerprinter fingerprinter = new Fingerprinter();
    private final PosterFrames posters = new PosterFrames();
    private ScheduledExecutorService worker;
    /** Files not on this desktop (a team's, saved elsewhere): passed over, not noted as unreadable. */
    private final Set<String> notHere = ConcurrentHashMap.newKeySet();

    private AutoCloseable saved;

    public PictureLooks(Library library, SyncEvents events) {
        this.library = library;
        this.events = events;
    }

    /** The look of one saved file; {@link #UNREAD}'s kind when it cannot be read. */
    public Look take(FileRecord f, Path file) {
        try {
            if (file == null || !Files.isRegularFile(file)) {
                return UNREAD;
            }
            if (isVideo(f, file)) {
                return posters.grab(file).map(fingerprinter::of).orElse(UNREAD);
            }
            return fingerprinter.of(file).orElse(UNREAD);
        } catch (RuntimeException e) {
            LOG.info("Could not take the look of {}: {}", file.getFileName(), e.toString());
            return UNREAD;
        }
    }

    /**
     * Looks at every saved picture not looked at yet, a batch at a time, until none is left or the thread is
     * interrupted; progress goes to the events.
     *
     * @return how many were looked at
     */
    public int lookAtSaved() throws LibraryException {
        return lookAtSaved(Integer.MAX_VALUE);
    }

    /** As {@link #lookAtSaved()}, at most {@code max} (the newest saved first). */
    public int lookAtSaved(int max) throws LibraryException {
        int total = Math.min(max, library.filesWithoutLookCount());
        int done = 0;
        while (!Thread.currentThread().isInterrupted() && done < max) {
            List<FileRecord> batch = library.filesWithoutLook(Math.min(BATCH, max - done) + notHere.size()).stream()
                    .filter(f -> !notHere.contains(key(f)))
                    .toList();
            if (batch.isEmpty()) {
                break;
            }
            List<Library.Looked> looked = new ArrayList<>();
            for (FileRecord f : batch) {
                if (f.localPath() == null || !Files.isRegularFile(f.localPath())) {
                    // On a team, a file another desktop saved and this one has no copy of: that desktop looks at it.
                    notHere.add(key(f));
                } else {
                    looked.add(new Library.Looked(f.taskId(), f.index(), take(f, f.localPath())));
                }
            }
            if (!looked.isEmpty()) {
                library.recordLooks(looked);
            }
            done += looked.size();
            total = Math.max(total, done);
            events.publish(new SyncEvent.LooksTaken(done, total));
        }
        if (done > 0) {
            LOG.info("Took the look of {} saved pictures", done);
        }
        return done;
    }

    /**
     * Takes the look of a task's saved pictures that were not looked at yet, now.
     *
     * @return how many were looked at
     */
    public int lookAt(TaskRecord r) throws LibraryException {
        List<Library.Looked> looked = new ArrayList<>();
        for (FileRecord f : r.files()) {
            if (f.isArchived()
                    && f.localPath() != null
                    && Files.isRegularFile(f.localPath())
                    && f.palette().isEmpty()) {
                looked.add(new Library.Looked(f.taskId(), f.index(), take(f, f.localPath())));
            }
        }
        if (!looked.isEmpty()) {
            library.recordLooks(looked);
        }
        return looked.size();
    }

    /** In the background: each file as it is saved, and now and then what was saved before. */
    public synchronized void start() {
        if (worker != null) {
            return;
        }
        worker = ThreadPools.scheduled("picture-looks");
        saved = events.subscribe(e -> {
            if (e instanceof SyncEvent.FileArchived a) {
                later(2);
            }
        });
        worker.scheduleWithFixedDelay(this::quietly, 5, 300, TimeUnit.SECONDS);
    }

    private void later(int seconds) {
        ScheduledExecutorService w = worker;
        if (w != null && !w.isShutdown()) {
            w.schedule(this::quietly, seconds, TimeUnit.SECONDS);
        }
    }

    private void quietly() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY); // scrolling and saving come first
        try {
            lookAtSaved();
        } catch (LibraryException | RuntimeException e) {
            LOG.info("Looking at saved pictures paused: {}", e.getMessage());
        }
    }

    private static String key(FileRecord f) {
        return f.taskId().value() + "#" + f.index();
    }

    private static boolean isVideo(FileRecord f, Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return f.file().isVideo() || name.endsWith(".mp4") || name.endsWith(".mov");
    }

    @Override
    public synchronized void close() {
        if (saved != null) {
            try {
                saved.close();
            } catch (Exception ignored) {
                // Removing a listener does not fail.
            }
        }
        if (worker != null) {
            worker.shutdownNow();
        }
    }
}
