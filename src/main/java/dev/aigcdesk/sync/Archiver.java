package dev.aigcdesk.sync;

import dev.aigcdesk.api.TaskJson;
import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.Problem;
import dev.aigcdesk.download.ArchiveNames;
import dev.aigcdesk.download.DownloadException;
import dev.aigcdesk.download.DownloadProgress;
import dev.aigcdesk.download.DownloadRequest;
import dev.aigcdesk.download.DownloadResult;
import dev.aigcdesk.download.Downloader;
import dev.aigcdesk.download.Hashes;
import dev.aigcdesk.download.provenance.ImageHeader;
import dev.aigcdesk.download.provenance.Provenance;
import dev.aigcdesk.download.provenance.ProvenanceResult;
import dev.aigcdesk.download.provenance.ProvenanceWriter;
import dev.aigcdesk.download.provenance.VideoHeader;
import dev.aigcdesk.library.Curation;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves every output of every finished task into the archive, verified, named for people, with
 * its provenance. A file is staged in {@code .incoming}, recorded, then moved into place, so a
 * crash at any point leaves either nothing at the final path or a complete file the ledger knows.
 */
public final class Archiver {

    private static final Duration PROGRESS_EVERY = Duration.ofMillis(250);

    private static final Logger LOG = LoggerFactory.getLogger(Archiver.class);

    private final Library ledger;
    private final Downloader downloader;
    private final ProvenanceWriter provenance;
    private final TaskJson json;
    private final Store store;
    private final SyncEvents events;
    private final Clock clock;
    private final String creatorTool;
    private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();

    public Archiver(
            Library ledger,
            Downloader downloader,
            ProvenanceWriter provenance,
            TaskJson json,
            Store store,
            SyncEvents events,
            Clock clock,
            String creatorTool) {
        this.ledger = ledger;
        this.downloader = downloader;
        this.provenance = provenance;
        this.json = json;
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.creatorTool = creatorTool;
    }

    /**
     * Notes the pixels of saved pictures that have none yet (saved before the gallery laid pictures out
     * by shape), reading only their headers, a batch at a time; a file that cannot be read, or is not a
     * picture, is noted as 0×0 (unknown) so it is not read again. Returns how many were looked at.
     */
    public int measureSavedPictures(int batch) throws LibraryException {
        int seen = 0;
        List<FileRecord> files;
        do {
            files = ledger.filesWithoutPixels(batch);
            List<Library.Pixels> measured = new ArrayList<>();
            for (FileRecord f : files) {
                Optional<ImageHeader> header =
                        f.localPath() == null || f.flags().contains(FileRecord.FLAG_OVERSIZED)
                                ? Optional.empty()
                                : ImageHeader.read(f.localPath());
                measured.add(new Library.Pixels(
                        f.taskId(),
                        f.index(),
                        header.map(ImageHeader::width).orElse(0),
                        header.map(ImageHeader::height).orElse(0)));
            }
            if (!measured.isEmpty()) {
                ledger.recordPixels(measured);
            }
            seen += files.size();
        } while (files.size() == batch && !Thread.currentThread().isInterrupted());
        if (seen > 0) {
            LOG.info("Noted the pixels of {} saved files", seen);
        }
        return seen;
    }

    public ArchiveReport archivePending(boolean force) throws LibraryException, InterruptedException {
        return archivePending(force, ledger.filesToArchive());
    }

    /** Saves those of {@code pending} that are due (all of them when {@code force}): this process's share. */
    public ArchiveReport archivePending(boolean force, List<FileRecord> pending)
            throws LibraryException, InterruptedException {
        int archived = 0;
        int waiting = 0;
        List<String> lost = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        DownloadException blocked = pending.isEmpty() ? null : StoreTrouble.unwritable(store);
        if (blocked != null) {
            return blocked(pending.size(), blocked.problem(), blocked.getMessage());
        }
        for (FileRecord f : pending) {
            Instant now = clock.instant();
            String key = f.taskId().value() + "#" + f.index();
            if (!force && now.isBefore(notBefore.getOrDefault(key, Instant.MIN))) {
                waiting++;
                continue;
            }
            Outcome o;
            try {
                o = archiveOne(f, now, key);
            } catch (StorageBlocked e) {
                Problem problem = e.getCause() instanceof DownloadException de
                        ? de.problem()
                        : new Problem("download.storage", e.getMessage());
                ledger.markFile(f.taskId(), f.index(), ArchiveState.PENDING, problem.encode());
                return blocked(pending.size() - archived, problem, e.getMessage());
            }
            switch (o) {
                case ARCHIVED -> archived++;
                case WAITING -> waiting++;
                case EXPIRED -> lost.add(f.taskId() + " file " + f.index());
                case FAILED -> failed.add(f.taskId() + " file " + f.index());
            }
        }
        return new ArchiveReport(archived, waiting, lost, failed, null);
    }

    private enum Outcome {
        ARCHIVED,
        WAITING,
        EXPIRED,
        FAILED
    }

    /** The archive cannot take this file or any other: said once per pass, loudly, instead of retrying quietly. */
    private static final class StorageBlocked extends Exception {
        StorageBlocked(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private ArchiveReport blocked(int waiting, Problem problem, String why) {
        LOG.error("Cannot save into the archive {}: {}", store.location(), why);
        events.publish(new SyncEvent.ArchiveBlocked(store.location(), why, problem));
        return new ArchiveReport(0, waiting, List.of(), List.of(), why);
    }

    private Outcome archiveOne(FileRecord f, Instant now, String key)
            throws LibraryException, InterruptedException, StorageBlocked {
        if (recoveredAfterCrash(f)) {
            return Outcome.ARCHIVED;
        }
        TaskRecord task = ledger.find(f.taskId()).orElse(null);
        if (task == null) {
            return Outcome.WAITING;
        }
        // Past its ExpireTime the link is still tried once: clocks differ and deletion lags. Only a failed try is a
        // loss.
        boolean expired = f.file().expiry().filter(e -> !e.isAfter(now)).isPresent();
        try {
            Path placed = save(task, f);
            notBefore.remove(key);
            return placed != null ? Outcome.ARCHIVED : Outcome.WAITING;
        } catch (DownloadException e) {
            if (e.reason() == DownloadException.Reason.LOCAL_STORAGE) {
                throw new StorageBlocked(e.getMessage(), e);
            }
            if (expired) {
                return lost(f);
            }
            if (e.reason() == DownloadException.Reason.REFUSED || e.reason() == DownloadException.Reason.TOO_LARGE) {
                ledger.markFile(
                        f.taskId(), f.index(), ArchiveState.FAILED, e.problem().encode());
                LOG.warn("Cannot archive {} file {}: {}", f.taskId(), f.index(), e.getMessage());
                events.publish(new SyncEvent.FileFailed(f, e.getMessage(), false));
                return Outcome.FAILED;
            }
            return retryLater(f, key, e.problem().encode(), e.getMessage(), now);
        } catch (IOException e) {
            throw new StorageBlocked(
                    "Could not write into " + store.location() + ": " + StoreTrouble.describe(e) + ".", e);
        }
    }

    private Outcome lost(FileRecord f) throws LibraryException {
        ledger.markFile(
                f.taskId(),
                f.index(),
                ArchiveState.EXPIRED,
                new Problem("file.expired", String.valueOf(f.file().expireTime())).encode());
        LOG.warn(
                "Lost {} file {}: it expired at {} and the last try failed",
                f.taskId(),
                f.index(),
                f.file().expireTime());
        events.publish(new SyncEvent.FileExpired(f));
        return Outcome.EXPIRED;
    }

    private Outcome retryLater(FileRecord f, String key, String problem, String message, Instant now)
            throws LibraryException {
        ledger.markFile(f.taskId(), f.index(), ArchiveState.PENDING, problem);
        long pauseSeconds = Math.min(600, 5L << Math.min(7, f.attempts()));
        notBefore.put(key, now.plus(Duration.ofSeconds(pauseSeconds)));
        LOG.info(
                "Archiving {} file {} failed ({}); trying again in {} s", f.taskId(), f.index(), message, pauseSeconds);
        events.publish(new SyncEvent.FileFailed(f, message, true));
        return Outcome.WAITING;
    }

    private Path save(TaskRecord record, FileRecord f)
            throws DownloadException, InterruptedException, IOException, LibraryException {
        GenerationTask task = record.task();
        Downloader.checkUrl(f.file().url());
        Path incoming = store.staging();
        String name = ArchiveNames.file(task, f.index(), f.file().type(), record.addedAt(), clock.getZone());
        DownloadResult staged = downloader.download(
                new DownloadRequest(f.file().url(), incoming, name, f.file().size()), progressOf(f));
        Path file = staged.file();
        try {
            return place(record, f, staged);
        } catch (IOException | LibraryException | DownloadException e) {
            // Staging holds nothing that failed: the next pass downloads again (or resumes its .part), and the disk
            // does not fill up.
            Files.deleteIfExists(file);
            Files.deleteIfExists(ProvenanceWriter.sidecarOf(file));
            throw e;
        }
    }

    private Path place(TaskRecord record, FileRecord f, DownloadResult staged)
            throws IOException, LibraryException, DownloadException {
        GenerationTask task = record.task();
        Path file = staged.file();
        String name = file.getFileName().toString();
        Set<String> flags = new HashSet<>();
        if (staged.sizeDisagrees()) {
            flags.add(FileRecord.FLAG_SIZE_DISAGREES);
        }
        boolean bytesOnly = false;
        boolean image =
                f.file().isImage() || List.of("png", "jpg", "webp", "gif").contains(staged.type());
        Optional<ImageHeader> header = image ? ImageHeader.read(file) : Optional.empty();
        if (image) {
            if (header.isPresent() && header.get().isOversized()) {
                flags.add(FileRecord.FLAG_OVERSIZED);
                bytesOnly = true;
                LOG.warn(
                        "{} file {} claims {}x{} px; archived as bytes and never decoded",
                        f.taskId(),
                        f.index(),
                        header.get().width(),
                        header.get().height());
            }
        }
        ProvenanceResult prov = provenance.write(file, staged.type(), provenanceOf(task, record.curation()), bytesOnly);
        if (!prov.embedded() && image) {
            flags.add(FileRecord.FLAG_SIDECAR);
        }
        String finalSha = Hashes.sha256(file);
        long size = Files.size(file);
        Path target = store.reserve(ArchiveNames.folder(task, record.addedAt(), clock.getZone()), name, finalSha);
        ledger.planArchive(f.taskId(), f.index(), target, size, staged.sha256(), finalSha, flags);
        store.put(file, prov.sidecar(), target);
        if (header.isPresent() && header.get().width() > 0 && header.get().height() > 0) {
            // The gallery lays pictures out by their shape; the service does not say an image's pixels.
            ledger.recordPixels(
                    f.taskId(), f.index(), header.get().width(), header.get().height());
        }
        if (List.of("mp4", "mov").contains(staged.type())) {
            // A clip's badge says its real length: the service's metadata says what was asked for (5 s for a 4 s clip).
            Optional<VideoHeader> video = VideoHeader.read(target);
            if (video.isPresent()) {
                ledger.recordDuration(f.taskId(), f.index(), video.get().seconds());
            }
        }
        ledger.markArchived(f.taskId(), f.index(), clock.instant());
        FileRecord saved = new FileRecord(
                f.taskId(),
                f.index(),
                f.file(),
                ArchiveState.ARCHIVED,
                target,
                size,
                staged.sha256(),
                finalSha,
                flags,
                f.attempts(),
                null,
                clock.instant());
        LOG.info(
                "Archived {} file {} to {}{}",
                f.taskId(),
                f.index(),
                target,
                prov.note() == null ? "" : " (" + prov.note() + ")");
        events.publish(new SyncEvent.FileArchived(saved, target, prov.embedded()));
        return target;
    }

    /** A file recorded as planned whose final copy is in place with the recorded hash: the app stopped just before saying so. */
    private boolean recoveredAfterCrash(FileRecord f) throws LibraryException {
        if (!store.holds(f.localPath(), f.sha256Final())) {
            return false;
        }
        ledger.markArchived(f.taskId(), f.index(), clock.instant());
        LOG.info("Recovered {} file {}: it was saved before the app stopped", f.taskId(), f.index());
        events.publish(new SyncEvent.FileArchived(f, f.localPath(), !f.flags().contains(FileRecord.FLAG_SIDECAR)));
        return true;
    }

    private Provenance provenanceOf(GenerationTask t, Curation c) {
        return new Provenance(
                t.id().value(),
                t.prompt(),
                t.negativePrompt(),
                t.modelLabel(),
                t.seed(),
                t.outputConfig().resolution(),
                t.outputConfig().aspectRatio(),
                t.times().created(),
                json.write(json.summary(t)),
                creatorTool,
                c.stars(),
                c.tags(),
                c.collections());
    }

    /** Progress for one file, published at most every {@link #PROGRESS_EVERY} (and at the end), and only while someone listens. */
    private DownloadProgress progressOf(FileRecord f) {
        long[] last = {0};
        return (done, total) -> {
            long now = System.nanoTime();
            boolean end = total > 0 && done >= total;
            if (events.wantsProgress() && (end || now - last[0] >= PROGRESS_EVERY.toNanos())) {
                last[0] = now;
                events.publish(new SyncEvent.DownloadProgress(f.taskId(), f.index(), done, total));
            }
        };
    }
}
