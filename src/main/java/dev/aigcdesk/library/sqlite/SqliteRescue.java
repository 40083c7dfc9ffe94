package dev.aigcdesk.library.sqlite;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.io.AtomicFiles;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.LibraryRescue;
import dev.aigcdesk.library.Salvaged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A damaged SQLite library's way back: the file (with its {@code -wal} and {@code -shm}) is moved aside
 * under a dated name, read row by row through SQL ({@link LedgerSalvage}) and page by page below it
 * ({@link RawScan}), and a fresh file is made where it was.
 */
public final class SqliteRescue implements LibraryRescue {

    private final Path file;
    private final Clock clock;

    public SqliteRescue(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    @Override
    public Salvaged setAsideAndRead() throws IOException {
        if (!Files.exists(file)) {
            return Salvaged.NOTHING;
        }
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
                .format(clock.instant().atZone(clock.getZone()));
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + stamp);
        AtomicFiles.place(file, aside);
        for (String suffix : List.of("-wal", "-shm")) {
            Path side = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(side)) {
                AtomicFiles.replace(side, aside.resolveSibling(aside.getFileName() + suffix));
            }
        }
        LedgerSalvage.Result rows = LedgerSalvage.read(aside);
        RawScan.Result pages = RawScan.scan(aside, aside.resolveSibling(aside.getFileName() + "-wal"));
        Set<TaskId> ids = new LinkedHashSet<>(rows.mentioned());
        ids.addAll(pages.ids());
        return new Salvaged(aside.toString(), rows.expected(), rows.tasks(), pages.answers(), pages.words(), ids);
    }

    @Override
    public Library openFresh() throws LibraryException {
        return SqliteLibrary.open(file);
    }
}
