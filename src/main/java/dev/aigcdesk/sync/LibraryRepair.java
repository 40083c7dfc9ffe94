package dev.aigcdesk.sync;

import dev.aigcdesk.io.AtomicFiles;
import dev.aigcdesk.api.ApiException;
import dev.aigcdesk.api.SavedAnswer;
import dev.aigcdesk.download.Hashes;
import dev.aigcdesk.library.LedgerSalvage;
import dev.aigcdesk.library.Ledger;
import dev.aigcdesk.library.LibraryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a damaged library: the damaged file is kept aside, and a new library is filled from the
 * service's answers it saved and from the archive copies it recorded (checked against their hashes).
 */
public final class LibraryRepair {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryRepair.class);

    public record Result(Path keptAside, int tasks, int fromAnswers, int files) {
    }

    private final Clock clock;

    public LibraryRepair(Clock clock) {
        this.clock = clock;
    }

    public Result rebuild(Path dbFile) throws LibraryException, IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).format(clock.instant().atZone(clock.getZone()));
        Path aside = dbFile.resolveSibling(dbFile.getFileName() + ".damaged-" + stamp);
        AtomicFiles.place(dbFile, aside);
        for (String suffix : List.of("-wal", "-shm")) {
            Path side = dbFile.resolveSibling(dbFile.getFileName() + suffix);
            if (Files.exists(side)) {
                Files.move(side, aside.resolveSibling(aside.getFileName() + suffix), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<LedgerSalvage.SalvagedTask> salvaged = LedgerSalvage.read(aside);
        int fromAnswers = 0;
        int files = 0;
        try (Ledger ledger = Ledger.open(dbFile)) {
            for (LedgerSalvage.SalvagedTask s : salvaged) {
                ledger.add(List.of(s.id()), s.addedAt());
                fromAnswers += replay(ledger, s);
                for (LedgerSalvage.SalvagedFile f : s.files()) {
                    if (f.archived() && Files.isRegularFile(f.localPath()) && f.sha256Final() != null
                            && Hashes.sha256(f.localPath()).equals(f.sha256Final())) {
                        ledger.planArchive(s.id(), f.index(), f.localPath(), f.size() == null ? Files.size(f.localPath()) : f.size(),
                                f.sha256Download(), f.sha256Final(), f.flags() == null || f.flags().isBlank() ? Set.of() : Set.of(f.flags().split(",")));
                        ledger.markArchived(s.id(), f.index(), clock.instant());
                        files++;
                    }
                }
            }
        }
        LOG.warn("Rebuilt {} from {}: {} tasks, {} from saved answers, {} archived files", dbFile, aside, salvaged.size(), fromAnswers, files);
        return new Result(aside, salvaged.size(), fromAnswers, files);
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
