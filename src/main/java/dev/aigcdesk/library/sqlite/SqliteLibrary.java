package dev.aigcdesk.library.sqlite;

import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.OutputFile;
import dev.aigcdesk.domain.Reach;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.AddResult;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryEvent;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.library.TaskShapes;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The designer's permanent record: every task they added, every answer the service gave, and
 * where each output sits on disk. One SQLite file in WAL mode; several processes may open it, and
 * every change is one transaction.
 */
public final class SqliteLibrary implements Library {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteLibrary.class);

    public static final String FILE_NAME = "library.db";
    private final Path file;
    /** Writes, one transaction at a time, under this object's monitor. */
    private final Connection db;

    private final TaskReader inWrite;
    /** Reads, on their own connection: in WAL mode they never wait for a write transaction. */
    private final Connection readDb;

    private final TaskReader reader;
    private final Object readLock = new Object();
    private final java.util.List<java.util.function.Consumer<LibraryEvent>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private SqliteLibrary(Path file, Connection db, Connection readDb) {
        this.file = file;
        this.db = db;
        this.inWrite = new TaskReader(db);
        this.readDb = readDb;
        this.reader = new TaskReader(readDb);
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
            throw SqlSupport.translate(file, "open", e);
        } catch (LibraryException e) {
            SqlSupport.closeQuietly(c);
            throw e;
        }
    }

    /** Stars, tags and collections. */
    public SqliteCurator curator() {
        return new SqliteCurator(this, db);
    }

    /** Generations started from the app, and their lineage. */
    public SqliteCreations creations() {
        return new SqliteCreations(this, db);
    }

    /** The SQLite file (its -wal and the sync lock sit beside it). */
    public Path file() {
        return file;
    }

    @Override
    public AutoCloseable onChange(java.util.function.Consumer<LibraryEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Tells the listeners, after the change is committed; one that fails does not stop the others or the write. */
    void publish(LibraryEvent.Kind kind, java.util.Collection<TaskId> ids) {
        if (listeners.isEmpty()) {
            return;
        }
        LibraryEvent e = new LibraryEvent(kind, new java.util.LinkedHashSet<>(ids));
        for (java.util.function.Consumer<LibraryEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException failed) {
                LOG.warn("A library listener failed on {}", e.kind(), failed);
            }
        }
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

    // ---- adding and removing -------------------------------------------------------------------

    public synchronized AddResult add(Collection<TaskId> ids, Instant now) throws LibraryException {
        List<TaskId> added = new ArrayList<>();
        List<TaskId> present = new ArrayList<>();
        inTransaction("add tasks", () -> {
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT INTO task (id, kind, state, added_at) VALUES (?, ?, 'UNKNOWN', ?) ON CONFLICT(id) DO NOTHING")) {
                for (TaskId id : new LinkedHashSet<>(ids)) {
                    ps.setString(1, id.value());
                    ps.setString(2, id.kind().name());
                    ps.setLong(3, now.toEpochMilli());
                    (ps.executeUpdate() == 1 ? added : present).add(id);
                }
            }
        });
        if (!added.isEmpty()) {
            publish(LibraryEvent.Kind.ADDED, added);
        }
        return new AddResult(added, present);
    }

    /** Taking tasks out, and putting them back (Undo). */
    public SqliteRemovals removals() {
        return new SqliteRemovals(this, db, inWrite);
    }

    // ---- what the service said ------------------------------------------------------------------

    /**
     * Records one answer in one transaction: the task's fields, its files (keeping what the archive
     * knows of them), and the raw JSON. Returns the record before and after.
     */
    public synchronized Change recordAnswer(GenerationTask task, String rawJson, Instant now) throws LibraryException {
        Change[] change = new Change[1];
        inTransaction("record an answer", () -> {
            Optional<TaskRecord> before = inWrite.find(task.id());
            if (before.isEmpty()) {
                try (PreparedStatement ps = db.prepareStatement(
                        "INSERT INTO task (id, kind, state, added_at) VALUES (?, ?, 'UNKNOWN', ?)")) {
                    ps.setString(1, task.id().value());
                    ps.setString(2, task.kind().name());
                    ps.setLong(3, now.toEpochMilli());
                    ps.executeUpdate();
                }
            }
            TaskWriter.writeTaskFields(db, task);
            try (PreparedStatement ps =
                    db.prepareStatement("UPDATE task SET refreshed_at = ?, reach = 'REACHABLE', not_found_count = 0, "
                            + "last_error = NULL, raw_latest = ?, raw_first_finish = " + RawText.FIRST_FINISH_UPDATE
                            + " WHERE id = ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setBytes(2, RawText.pack(rawJson));
                ps.setBoolean(3, task.state().isTerminal());
                ps.setString(4, task.id().value());
                ps.executeUpdate();
            }
            TaskWriter.replaceReferences(db, task);
            int n = 1;
            for (OutputFile f : task.outputs()) {
                TaskWriter.upsertFile(db, task.id(), n++, f);
            }
            change[0] = new Change(before.orElse(null), inWrite.find(task.id()).orElseThrow());
        });
        publish(LibraryEvent.Kind.ANSWERED, List.of(task.id()));
        return change[0];
    }

    /** Records a failed query; returns how many "not found" answers in a row the task has had. */
    public synchronized int recordQueryError(TaskId id, String message, boolean notFound, Instant now)
            throws LibraryException {
        int[] count = new int[1];
        inTransaction("record a query error", () -> {
            try (PreparedStatement ps = db.prepareStatement("UPDATE task SET last_error = ?, "
                    + "not_found_count = CASE WHEN ? THEN not_found_count + 1 ELSE not_found_count END WHERE id = ?")) {
                ps.setString(1, message);
                ps.setBoolean(2, notFound);
                ps.setString(3, id.value());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = db.prepareStatement("SELECT not_found_count FROM task WHERE id = ?")) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    count[0] = rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
        publish(LibraryEvent.Kind.ANSWERED, List.of(id));
        return count[0];
    }

    public synchronized void setReach(TaskId id, Reach reach, String why) throws LibraryException {
        inTransaction("mark a task out of reach", () -> {
            try (PreparedStatement ps = db.prepareStatement(
                    "UPDATE task SET reach = ?, last_error = coalesce(?, last_error) WHERE id = ?")) {
                ps.setString(1, reach.name());
                ps.setString(2, why);
                ps.setString(3, id.value());
                ps.executeUpdate();
            }
        });
        publish(LibraryEvent.Kind.ANSWERED, List.of(id));
    }

    // ---- the archive ----------------------------------------------------------------------------

    /** Notes where a file is about to be placed, before the move, so a crash in between is recognised on restart. */
    public synchronized void planArchive(
            TaskId id, int n, Path path, long size, String sha256Download, String sha256Final, Set<String> flags)
            throws LibraryException {
        updateFile(
                "plan an archive copy",
                "UPDATE output_file SET local_path = ?, local_size = ?, sha256_download = ?, sha256_final = ?, flags = ? "
                        + "WHERE task_id = ? AND n = ?",
                path.toString(),
                size,
                sha256Download,
                sha256Final,
                String.join(",", flags),
                id.value(),
                n);
        publish(LibraryEvent.Kind.FILES, List.of(id));
    }

    /** A saved video's length as its own header says it; it wins over the service's metadata from then on. */
    public synchronized void recordDuration(TaskId id, int n, double seconds) throws LibraryException {
        inTransaction("note a video's length", () -> {
            try (PreparedStatement ps =
                    db.prepareStatement("UPDATE output_file SET duration_seconds = ? WHERE task_id = ? AND n = ?")) {
                ps.setDouble(1, seconds);
                ps.setString(2, id.value());
                ps.setInt(3, n);
                ps.executeUpdate();
            }
        });
        publish(LibraryEvent.Kind.FILES, List.of(id));
    }

    /** Several files' pixels in one transaction (measuring a library saved by an older version: thousands). */
    public synchronized void recordPixels(List<Pixels> files) throws LibraryException {
        inTransaction("note pictures' sizes", () -> {
            try (PreparedStatement ps =
                    db.prepareStatement("UPDATE output_file SET width = ?, height = ? WHERE task_id = ? AND n = ?")) {
                for (Pixels p : files) {
                    ps.setLong(1, p.width());
                    ps.setLong(2, p.height());
                    ps.setString(3, p.id().value());
                    ps.setInt(4, p.n());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        publish(LibraryEvent.Kind.FILES, files.stream().map(Pixels::id).toList());
    }

    public synchronized void markArchived(TaskId id, int n, Instant now) throws LibraryException {
        updateFile(
                "mark a file archived",
                "UPDATE output_file SET archive_state = 'ARCHIVED', archived_at = ?, last_error = NULL WHERE task_id = ? AND n = ?",
                now.toEpochMilli(),
                id.value(),
                n);
        publish(LibraryEvent.Kind.FILES, List.of(id));
    }

    public synchronized void markFile(TaskId id, int n, ArchiveState state, String error) throws LibraryException {
        updateFile(
                "update a file",
                "UPDATE output_file SET archive_state = ?, last_error = ?, attempts = attempts + 1 WHERE task_id = ? AND n = ?",
                state.name(),
                error,
                id.value(),
                n);
        publish(LibraryEvent.Kind.FILES, List.of(id));
    }

    // ---- reading (on the read connection; never waits for a write) ------------------------------

    /** Files of finished tasks that are not saved yet and not given up on. */
    public List<FileRecord> filesToArchive() throws LibraryException {
        return read(
                "list files to archive",
                c -> SqlSupport.query(
                        c,
                        "SELECT " + TaskRows.FILE_COLUMNS + " FROM output_file f JOIN task t ON t.id = f.task_id "
                                + PENDING_FILES + " ORDER BY f.expire_at IS NULL, f.expire_at, f.task_id, f.n",
                        List.of(),
                        TaskRows::readFile));
    }

    /** Saved files whose pixels were never noted (archived before the gallery needed them), a batch at a time. */
    public List<FileRecord> filesWithoutPixels(int limit) throws LibraryException {
        return read(
                "list files to measure",
                c -> SqlSupport.query(
                        c,
                        "SELECT " + TaskRows.FILE_COLUMNS + " FROM output_file f"
                                + " WHERE f.archive_state = 'ARCHIVED' AND f.width IS NULL ORDER BY f.task_id, f.n LIMIT ?",
                        List.of(limit),
                        TaskRows::readFile));
    }

    public int filesToArchiveCount() throws LibraryException {
        return read(
                "count files to archive",
                c -> SqlSupport.query(
                                c,
                                "SELECT count(*) FROM output_file f JOIN task t ON t.id = f.task_id " + PENDING_FILES,
                                List.of(),
                                rs -> rs.getInt(1))
                        .get(0));
    }

    public Optional<TaskRecord> find(TaskId id) throws LibraryException {
        return read("read a task", c -> reader.find(id));
    }

    /** The latest raw answer and the first FINISH answer, exactly as the service sent them. */
    public RawAnswers raw(TaskId id) throws LibraryException {
        List<RawAnswers> r = read(
                "read raw answers",
                c -> SqlSupport.query(
                        c,
                        "SELECT raw_latest, raw_first_finish FROM task WHERE id = ?",
                        List.of(id.value()),
                        RawText::answers));
        return r.isEmpty() ? new RawAnswers(null, null) : r.get(0);
    }

    public List<TaskRecord> list(TaskQuery q) throws LibraryException {
        return read(
                "search the library",
                c -> reader.list(SearchSql.of(q), SearchSql.orderBy(q.sort()), q.limit(), q.offset()));
    }

    public int count(TaskQuery q) throws LibraryException {
        SearchSql where = SearchSql.of(q);
        return read(
                "count tasks",
                c -> SqlSupport.query(c, "SELECT count(*) FROM task t" + where.where, where.params, rs -> rs.getInt(1))
                        .get(0));
    }

    /**
     * The sort date and picture shape of every task {@code q} lists, in its order: what the gallery
     * lays its rows out by. One indexed pass; a task's first output with known pixels gives its shape.
     */
    public TaskShapes shapes(TaskQuery q) throws LibraryException {
        return read("read the gallery's shapes", c -> ShapeQuery.read(c, q));
    }

    /** Tasks the service may still change and can still be asked about. */
    public List<TaskRecord> activeTasks() throws LibraryException {
        return read(
                "list running tasks",
                c -> reader.list(SearchSql.ACTIVE, "t.added_at DESC, t.rowid DESC", Integer.MAX_VALUE, 0));
    }

    public int activeCount() throws LibraryException {
        return read(
                "count running tasks",
                c -> SqlSupport.query(
                                c,
                                "SELECT count(*) FROM task t" + SearchSql.ACTIVE.where,
                                SearchSql.ACTIVE.params,
                                rs -> rs.getInt(1))
                        .get(0));
    }

    /**
     * How many tasks each keep-safe view holds, counted from the files' side (an index on their
     * archive state), not by testing every task: lost, not saved yet, and not saved with a link dying before {@code riskBefore}.
     */
    public int[] keepSafeCounts(Instant riskBefore) throws LibraryException {
        String pending =
                "SELECT count(DISTINCT f.task_id) FROM output_file f JOIN task t ON t.id = f.task_id WHERE f.archive_state = 'PENDING'"
                        + " AND t.state = 'SUCCEEDED'";
        return read("count the keep-safe views", c -> new int[] {
            SqlSupport.query(
                            c,
                            "SELECT count(DISTINCT task_id) FROM output_file WHERE archive_state = 'EXPIRED'",
                            List.of(),
                            rs -> rs.getInt(1))
                    .get(0),
            SqlSupport.query(c, pending, List.of(), rs -> rs.getInt(1)).get(0),
            SqlSupport.query(
                            c, pending + " AND f.expire_at < ?", List.of(riskBefore.toEpochMilli()), rs -> rs.getInt(1))
                    .get(0)
        });
    }

    @Override
    public List<String> distinct(Facet facet) throws LibraryException {
        String column = switch (facet) {
            case MODEL -> "model_name";
            case ASPECT_RATIO -> "aspect_ratio";
            case RESOLUTION -> "resolution";
        };
        return read(
                "list " + column,
                c -> SqlSupport.query(
                        c,
                        "SELECT DISTINCT " + column + " FROM task WHERE " + column + " IS NOT NULL AND " + column
                                + " <> '' ORDER BY " + column + " COLLATE NOCASE",
                        List.of(),
                        rs -> rs.getString(1)));
    }

    @FunctionalInterface
    interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T read(String what, Read<T> work) throws LibraryException {
        synchronized (readLock) {
            try {
                return work.run(readDb);
            } catch (SQLException e) {
                throw SqlSupport.translate(file, what, e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            SqlSupport.closeQuietly(db);
        }
        synchronized (readLock) {
            SqlSupport.closeQuietly(readDb);
        }
    }

    private static final String PENDING_FILES = "WHERE f.archive_state = 'PENDING' AND t.state = 'SUCCEEDED'";

    // ---- internals ------------------------------------------------------------------------------

    private void updateFile(String what, String sql, Object... params) throws LibraryException {
        inTransaction(what, () -> {
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                SqlSupport.bind(ps, Arrays.asList(params));
                ps.executeUpdate();
            }
        });
    }

    @FunctionalInterface
    interface SqlWork {
        void run() throws SQLException;
    }

    /** One write transaction on the write connection; callers hold this ledger's monitor. */
    void inTransaction(String what, SqlWork work) throws LibraryException {
        try {
            db.setAutoCommit(false);
            try {
                work.run();
                db.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    db.rollback();
                } catch (SQLException rollback) {
                    // A full disk fails the rollback too; the first failure is the one that says why.
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                try {
                    db.setAutoCommit(true);
                } catch (SQLException ignored) {
                    LOG.debug("Could not return the library connection to autocommit", ignored);
                }
            }
        } catch (SQLException e) {
            throw SqlSupport.translate(file, what, e);
        }
    }
}
