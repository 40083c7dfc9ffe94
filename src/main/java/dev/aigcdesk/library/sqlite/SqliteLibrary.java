package dev.aigcdesk.library.sqlite;

import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.LocalCopies;
import dev.aigcdesk.library.sql.SqlLibrary;
import dev.aigcdesk.library.sql.SqlSupport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The designer's own library: one SQLite file in WAL mode beside its sync lock. Several processes
 * may open it; reads never wait for a write, and every change is one transaction.
 */
public final class SqliteLibrary extends SqlLibrary {

    public static final String FILE_NAME = "library.db";
    private final Path file;

    private SqliteLibrary(Path file, Connection db, Connection readDb) {
        super(db, readDb, new SqliteDialect(file), null, LocalCopies.AS_SAVED);
        this.file = file;
    }

    /** Opens (creating if needed) the library at {@code file}, and brings its schema up to date. */
    public static SqliteLibrary open(Path file) throws LibraryException {
        LedgerFile.checkUsable(file);
        Connection c = null;
        Connection r = null;
        try {
            c = LedgerFile.connect(file);
            Schema.migrate(c);
            r = LedgerFile.connect(file);
            return new SqliteLibrary(file, c, r);
        } catch (SQLException e) {
            SqlSupport.closeQuietly(c);
            SqlSupport.closeQuietly(r);
            throw new SqliteDialect(file).translate("open", e);
        } catch (LibraryException e) {
            SqlSupport.closeQuietly(c);
            throw e;
        }
    }

    /** The SQLite file (its -wal and the sync lock sit beside it). */
    public Path file() {
        return file;
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public Optional<SyncLock> tryLockSync() throws LibraryException {
        return ProcessLock.tryAcquire(lockFile()).map(lock -> lock::close);
    }

    @Override
    public String syncLockHolder() {
        return ProcessLock.holder(lockFile());
    }

    private Path lockFile() {
        return file.resolveSibling("sync.lock");
    }
}
