package dev.aigcdesk.sync;

import dev.aigcdesk.api.ApiException;
import dev.aigcdesk.api.SavedAnswer;
import dev.aigcdesk.api.TaskJson;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.download.Hashes;
import dev.aigcdesk.io.AtomicFiles;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.Ledger;
import dev.aigcdesk.library.LedgerSalvage;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.TaskRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a damaged library: the damaged file is kept aside, and a new library is filled from what
 * it still holds (the service's answers it saved, row by row past damaged pages), then from the
 * archive itself (the task JSON in every archived PNG and sidecar), re-linking every archived file.
 */
public final class LibraryRepair {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryRepair.class);

    /**
     * What the rebuild did.
     *
     * @param keptAside   the damaged file, kept; null when there was none
     * @param found       tasks known to have existed: the damaged file's own count, or every id seen, whichever is larger
     * @param tasks       tasks in the rebuilt library
     * @param fromAnswers tasks rebuilt from the service's saved answers
     * @param fromArchive tasks rebuilt from the task JSON in archived files alone
     * @param files       archived files linked to their tasks again
     */
    public record Result(Path keptAside, int found, int tasks, int fromAnswers, int fromArchive, int files) {
        public boolean complete() {
            return tasks >= found;
        }
    }

    private final Clock clock;

    public LibraryRepair(Clock clock) {
        this.clock = clock;
    }

    /** Rebuilds from the damaged file alone (the window's "Rebuild the library"). */
    public Result rebuild(Path dbFile) throws LibraryException, IOException {
        return rebuild(dbFile, null);
    }

    public Result rebuild(Path dbFile, Path archive) throws LibraryException, IOException {
        Path aside = null;
        LedgerSalvage.Result salvage = new LedgerSalvage.Result(List.of(), -1, Set.of());
        if (Files.exists(dbFile)) {
            String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).format(clock.instant().atZone(clock.getZone()));
            aside = dbFile.resolveSibling(dbFile.getFileName() + ".damaged-" + stamp);
            AtomicFiles.place(dbFile, aside);
            for (String suffix : List.of("-wal", "-shm")) {
                Path side = dbFile.resolveSibling(dbFile.getFileName() + suffix);
                if (Files.exists(side)) {
                    AtomicFiles.replace(side, aside.resolveSibling(aside.getFileName() + suffix));
                }
            }
            salvage = LedgerSalvage.read(aside);
        }
        List<ArchiveScan.Found> archived = archive == null ? List.of() : new ArchiveScan(new TaskJson()).scan(archive);
        Set<TaskId> seen = new HashSet<>();
        int fromAnswers = 0;
        int fromArchive = 0;
        int files = 0;
        try (Ledger ledger = Ledger.open(dbFile)) {
            for (LedgerSalvage.SalvagedTask s : salvage.tasks()) {
                seen.add(s.id());
                ledger.add(List.of(s.id()), s.addedAt());
                fromAnswers += replay(ledger, s);
                if (!s.curation().equals(dev.aigcdesk.library.Curation.NONE)) {
                    ledger.curator().restore(s.id(), s.curation());
                }
                for (LedgerSalvage.SalvagedFile f : s.files()) {
                    if (f.archived() && relink(ledger, s.id(), f.index(), f.localPath(), f.sha256Download(), f.sha256Final(), flags(f.flags()))) {
                        files++;
                    }
                }
            }
            for (ArchiveScan.Found a : archived) {
                TaskId id = a.task().id();
                if (seen.add(id) || ledger.find(id).map(r -> !r.wasAnswered()).orElse(true)) {
                    Instant added = a.task().times().created() != null ? a.task().times().created() : clock.instant();
                    ledger.add(List.of(id), added);
                    if (ledger.find(id).map(r -> !r.wasAnswered()).orElse(true)) {
                        ledger.recordAnswer(a.task(), null, clock.instant());
                        fromArchive++;
                    }
                }
                if (!alreadyLinked(ledger, id, a.index()) && relink(ledger, id, a.index(), a.file(), null, Hashes.sha256(a.file()), Set.of())) {
                    files++;
                }
            }
            int tasks = ledger.count(dev.aigcdesk.library.TaskQuery.ALL);
            seen.addAll(salvage.mentioned());
            int found = Math.max(salvage.expected(), seen.size());
            LOG.warn("Rebuilt {} (damaged copy: {}): {} of {} tasks, {} from saved answers, {} from the archive, {} archived files", dbFile, aside, tasks,
                    found, fromAnswers, fromArchive, files);
            return new Result(aside, found, tasks, fromAnswers, fromArchive, files);
        }
    }

    private boolean alreadyLinked(Ledger ledger, TaskId id, int index) throws LibraryException {
        return ledger.find(id).map(r -> r.files().stream().anyMatch(f -> f.index() == index && f.isArchived())).orElse(false);
    }

    /** Links a file on disk to its output again, if the output exists and the file is the one recorded (when a hash was recorded). */
    private boolean relink(Ledger ledger, TaskId id, int index, Path file, String shaDownload, String shaFinal, Set<String> flags)
            throws LibraryException, IOException {
        if (!Files.isRegularFile(file) || shaFinal == null || !Hashes.sha256(file).equals(shaFinal)) {
            return false;
        }
        TaskRecord r = ledger.find(id).orElse(null);
        if (r == null || r.files().stream().map(FileRecord::index).noneMatch(i -> i == index)) {
            return false;
        }
        ledger.planArchive(id, index, file, Files.size(file), shaDownload, shaFinal, flags);
        ledger.markArchived(id, index, clock.instant());
        return true;
    }

    private static Set<String> flags(String flags) {
        return flags == null || flags.isBlank() ? Set.of() : Set.of(flags.split(","));
    }

    private int replay(Ledger ledger, LedgerSalvage.SalvagedTask s) throws LibraryException {
        int used = 0;
        for (String raw : new String[] {s.rawFirstFinish(), s.rawLatest()}) {
            if (raw == null) {
                continue;
            }
            try {
                ledger.recordAnswer(SavedAnswer.parse(s.id(), raw), raw, clock.instant());
                used = 1;
            } catch (ApiException e) {
                LOG.info("A saved answer for {} could not be read again: {}", s.id(), e.getMessage());
            }
        }
        return used;
    }
}
