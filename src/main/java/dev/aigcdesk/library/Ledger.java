package dev.aigcdesk.library;

import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.OutputFile;
import dev.aigcdesk.domain.ReferenceInput;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The designer's permanent record: every task they added, every answer the service gave, and
 * where each output sits on disk. One SQLite file in WAL mode; several processes may open it, and
 * every change is one transaction.
 */
public final class Ledger implements AutoCloseable {

    public static final String FILE_NAME = "library.db";
    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_BUSY = 5;

    private final Path file;
    private final Connection db;

    private Ledger(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /** Opens (creating if needed) the library at {@code file}, and brings its schema up to date. */
    public static Ledger open(Path file) throws LibraryException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new LibraryException(LibraryException.Kind.STORAGE, "Cannot create the library folder " + file.getParent() + ": " + e.getMessage(), e);
        }
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA foreign_keys = ON");
                // NORMAL in WAL mode keeps every commit through a crash of the app; only a power cut can lose the last ones.
                s.execute("PRAGMA synchronous = NORMAL");
                s.executeQuery("SELECT count(*) FROM sqlite_master").close();
            }
            Schema.migrate(c);
            return new Ledger(file, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw translate(file, "open", e);
        } catch (LibraryException e) {
            closeQuietly(c);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    // ---- adding and removing -------------------------------------------------------------------

    public synchronized AddResult add(Collection<TaskId> ids, Instant now) throws LibraryException {
        List<TaskId> added = new ArrayList<>();
        List<TaskId> present = new ArrayList<>();
        inTransaction("add tasks", () -> {
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT INTO task (id, kind, state, added_at) VALUES (?, ?, 'UNKNOWN', ?) ON CONFLICT(id) DO NOTHING")) {
                for (TaskId id : new java.util.LinkedHashSet<>(ids)) {
                    ps.setString(1, id.value());
                    ps.setString(2, id.kind().name());
                    ps.setLong(3, now.toEpochMilli());
                    (ps.executeUpdate() == 1 ? added : present).add(id);
                }
            }
        });
        return new AddResult(added, present);
    }

    /** Removes the records of a task. Returns the local files it had, for the caller to delete if asked. */
    public synchronized List<Path> remove(TaskId id) throws LibraryException {
        List<Path> paths = new ArrayList<>();
        inTransaction("remove a task", () -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT local_path FROM output_file WHERE task_id = ? AND local_path IS NOT NULL")) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        paths.add(Path.of(rs.getString(1)));
                    }
                }
            }
            try (PreparedStatement ps = db.prepareStatement("DELETE FROM task WHERE id = ?")) {
                ps.setString(1, id.value());
                ps.executeUpdate();
            }
        });
        return paths;
    }

    /** Puts back a removed task exactly as it was (the Undo of a delete). */
    public synchronized void restore(TaskRecord record, String rawLatest, String rawFirstFinish) throws LibraryException {
        inTransaction("restore a task", () -> {
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT OR REPLACE INTO task (id, kind, state, added_at, refreshed_at, reach, last_error, raw_latest, raw_first_finish) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, record.id().value());
                ps.setString(2, record.task().kind().name());
                ps.setString(3, record.task().state().name());
                ps.setLong(4, record.addedAt().toEpochMilli());
                TaskRows.setInstant(ps, 5, record.refreshedAt());
                ps.setString(6, record.reach().name());
                ps.setString(7, record.lastError());
                ps.setString(8, rawLatest);
                ps.setString(9, rawFirstFinish);
                ps.executeUpdate();
            }
            writeTaskFields(record.task());
            for (FileRecord f : record.files()) {
                upsertFile(record.id(), f.index(), f.file());
                writeArchiveFields(f);
            }
        });
    }

    // ---- what the service said ------------------------------------------------------------------

    /**
     * Records one answer in one transaction: the task's fields, its files (keeping what the archive
     * knows of them), and the raw JSON. Returns the record before and after.
     */
    public synchronized Change recordAnswer(GenerationTask task, String rawJson, Instant now) throws LibraryException {
        Change[] change = new Change[1];
        inTransaction("record an answer", () -> {
            Optional<TaskRecord> before = findInternal(task.id());
            if (before.isEmpty()) {
                try (PreparedStatement ps = db.prepareStatement("INSERT INTO task (id, kind, state, added_at) VALUES (?, ?, 'UNKNOWN', ?)")) {
                    ps.setString(1, task.id().value());
                    ps.setString(2, task.kind().name());
                    ps.setLong(3, now.toEpochMilli());
                    ps.executeUpdate();
                }
            }
            writeTaskFields(task);
            try (PreparedStatement ps = db.prepareStatement("UPDATE task SET refreshed_at = ?, reach = 'REACHABLE', not_found_count = 0, "
                    + "last_error = NULL, raw_latest = ?, raw_first_finish = CASE WHEN raw_first_finish IS NULL AND ? THEN ? ELSE raw_first_finish END "
                    + "WHERE id = ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setString(2, rawJson);
                ps.setBoolean(3, task.state().isTerminal());
                ps.setString(4, rawJson);
                ps.setString(5, task.id().value());
                ps.executeUpdate();
            }
            try (PreparedStatement del = db.prepareStatement("DELETE FROM task_reference WHERE task_id = ?")) {
                del.setString(1, task.id().value());
                del.executeUpdate();
            }
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO task_reference (task_id, n, type, category, url, file_id, text, usage, "
                    + "reference_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int n = 1;
                for (ReferenceInput r : task.references()) {
                    ps.setString(1, task.id().value());
                    ps.setInt(2, n++);
                    ps.setString(3, r.type());
                    ps.setString(4, r.category());
                    ps.setString(5, r.url());
                    ps.setString(6, r.fileId());
                    ps.setString(7, r.text());
                    ps.setString(8, r.usage());
                    ps.setString(9, r.referenceType());
                    ps.executeUpdate();
                }
            }
            int n = 1;
            for (OutputFile f : task.outputs()) {
                upsertFile(task.id(), n++, f);
            }
            change[0] = new Change(before.orElse(null), findInternal(task.id()).orElseThrow());
        });
        return change[0];
    }

    /** Records a failed query; returns how many "not found" answers in a row the task has had. */
    public synchronized int recordQueryError(TaskId id, String message, boolean notFound, Instant now) throws LibraryException {
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
        return count[0];
    }

    public synchronized void setReach(TaskId id, Reach reach, String why) throws LibraryException {
        inTransaction("mark a task out of reach", () -> {
            try (PreparedStatement ps = db.prepareStatement("UPDATE task SET reach = ?, last_error = coalesce(?, last_error) WHERE id = ?")) {
                ps.setString(1, reach.name());
                ps.setString(2, why);
                ps.setString(3, id.value());
                ps.executeUpdate();
            }
        });
    }

    // ---- the archive ----------------------------------------------------------------------------

    /** Files of finished tasks that are not saved yet and not given up on. */
    public synchronized List<FileRecord> filesToArchive() throws LibraryException {
        return query("list files to archive", "SELECT " + TaskRows.FILE_COLUMNS + " FROM output_file f JOIN task t ON t.id = f.task_id "
                + "WHERE f.archive_state = 'PENDING' AND t.state = 'SUCCEEDED' ORDER BY f.expire_at IS NULL, f.expire_at, f.task_id, f.n", List.of(),
                TaskRows::readFile);
    }

    /** Notes where a file is about to be placed, before the move, so a crash in between is recognised on restart. */
    public synchronized void planArchive(TaskId id, int n, Path path, long size, String sha256Download, String sha256Final, Set<String> flags)
            throws LibraryException {
        updateFile("plan an archive copy", "UPDATE output_file SET local_path = ?, local_size = ?, sha256_download = ?, sha256_final = ?, flags = ? "
                + "WHERE task_id = ? AND n = ?", path.toString(), size, sha256Download, sha256Final, String.join(",", flags), id.value(), n);
    }

    public synchronized void markArchived(TaskId id, int n, Instant now) throws LibraryException {
        updateFile("mark a file archived", "UPDATE output_file SET archive_state = 'ARCHIVED', archived_at = ?, last_error = NULL WHERE task_id = ? AND n = ?",
                now.toEpochMilli(), id.value(), n);
    }

    public synchronized void markFile(TaskId id, int n, ArchiveState state, String error) throws LibraryException {
        updateFile("update a file", "UPDATE output_file SET archive_state = ?, last_error = ?, attempts = attempts + 1 WHERE task_id = ? AND n = ?",
                state.name(), error, id.value(), n);
    }

    // ---- reading --------------------------------------------------------------------------------

    public synchronized Optional<TaskRecord> find(TaskId id) throws LibraryException {
        try {
            return findInternal(id);
        } catch (SQLException e) {
            throw translate(file, "read a task", e);
        }
    }

    /** The latest raw answer and the first FINISH answer, exactly as the service sent them. */
    public synchronized RawAnswers raw(TaskId id) throws LibraryException {
        List<RawAnswers> r = query("read raw answers", "SELECT raw_latest, raw_first_finish FROM task WHERE id = ?", List.of(id.value()),
                rs -> new RawAnswers(rs.getString(1), rs.getString(2)));
        return r.isEmpty() ? new RawAnswers(null, null) : r.get(0);
    }

    public synchronized List<TaskRecord> list(TaskQuery q) throws LibraryException {
        SearchSql where = SearchSql.of(q);
        List<Object> params = new ArrayList<>(where.params);
        params.add(q.limit() == Integer.MAX_VALUE ? -1 : q.limit());
        params.add(q.offset());
        try {
            Map<String, RowAndTask> rows = new LinkedHashMap<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT " + TaskRows.TASK_COLUMNS + " FROM task t" + where.where
                    + " ORDER BY t.added_at DESC, t.rowid DESC LIMIT ? OFFSET ?")) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getString("id"), new RowAndTask(TaskRows.readTask(rs, List.of(), List.of()),
                                TaskRows.getInstant(rs, "added_at"), TaskRows.getInstant(rs, "refreshed_at"),
                                Reach.valueOf(rs.getString("reach")), rs.getString("last_error")));
                    }
                }
            }
            Map<String, List<FileRecord>> files = filesOf(rows.keySet());
            List<TaskRecord> out = new ArrayList<>(rows.size());
            for (RowAndTask r : rows.values()) {
                List<FileRecord> fs = files.getOrDefault(r.task.id().value(), List.of());
                GenerationTask withFiles = withOutputs(r.task, fs);
                out.add(new TaskRecord(withFiles, r.added, r.refreshed, r.reach, r.lastError, fs));
            }
            return out;
        } catch (SQLException e) {
            throw translate(file, "search the library", e);
        }
    }

    public synchronized int count(TaskQuery q) throws LibraryException {
        SearchSql where = SearchSql.of(q);
        List<Integer> n = query("count tasks", "SELECT count(*) FROM task t" + where.where, where.params, rs -> rs.getInt(1));
        return n.isEmpty() ? 0 : n.get(0);
    }

    /** Tasks the service may still change and can still be asked about. */
    public synchronized List<TaskRecord> activeTasks() throws LibraryException {
        return list(TaskQuery.ALL.withStates(Set.of(TaskState.WAITING, TaskState.RUNNING, TaskState.UNKNOWN))).stream()
                .filter(r -> r.reach() == Reach.REACHABLE).toList();
    }

    /** Every model name seen, for filters. */
    public synchronized List<String> models() throws LibraryException {
        return query("list models", "SELECT DISTINCT model_name FROM task WHERE model_name IS NOT NULL AND model_name <> '' ORDER BY model_name COLLATE NOCASE",
                List.of(), rs -> rs.getString(1));
    }

    @Override
    public synchronized void close() {
        closeQuietly(db);
    }

    // ---- internals ------------------------------------------------------------------------------

    /** Before and after one recorded answer. {@code before} is null for a task seen for the first time. */
    public record Change(TaskRecord before, TaskRecord after) {
        public boolean stateChanged() {
            return before == null || before.task().state() != after.task().state();
        }

        public boolean progressChanged() {
            return stateChanged() || before.task().progress() != after.task().progress();
        }
    }

    /** The service's own words about a task. Either may be null. */
    public record RawAnswers(String latest, String firstFinish) {
    }

    private record RowAndTask(GenerationTask task, Instant added, Instant refreshed, Reach reach, String lastError) {
    }

    private Optional<TaskRecord> findInternal(TaskId id) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT " + TaskRows.TASK_COLUMNS + " FROM task t WHERE t.id = ?")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<ReferenceInput> refs = referencesOf(id);
                List<FileRecord> files = filesOf(List.of(id.value())).getOrDefault(id.value(), List.of());
                GenerationTask t = withOutputs(TaskRows.readTask(rs, refs, List.of()), files);
                return Optional.of(new TaskRecord(t, TaskRows.getInstant(rs, "added_at"), TaskRows.getInstant(rs, "refreshed_at"),
                        Reach.valueOf(rs.getString("reach")), rs.getString("last_error"), files));
            }
        }
    }

    private static GenerationTask withOutputs(GenerationTask t, List<FileRecord> files) {
        return new GenerationTask(t.id(), t.kind(), t.state(), t.progress(), t.prompt(), t.negativePrompt(), t.enhancePrompt(), t.modelName(),
                t.modelVersion(), t.generationMode(), t.seed(), t.sceneType(), t.outputConfig(), t.references(), t.times(), t.requestId(),
                t.failure(), files.stream().map(FileRecord::file).toList());
    }

    private List<ReferenceInput> referencesOf(TaskId id) throws SQLException {
        List<ReferenceInput> refs = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT * FROM task_reference WHERE task_id = ? ORDER BY n")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    refs.add(TaskRows.readReference(rs));
                }
            }
        }
        return refs;
    }

    private Map<String, List<FileRecord>> filesOf(Collection<String> ids) throws SQLException {
        Map<String, List<FileRecord>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String in = chunk.stream().map(x -> "?").collect(Collectors.joining(","));
            try (PreparedStatement ps = db.prepareStatement("SELECT " + TaskRows.FILE_COLUMNS + " FROM output_file f WHERE f.task_id IN (" + in
                    + ") ORDER BY f.task_id, f.n")) {
                bind(ps, new ArrayList<>(chunk));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        FileRecord f = TaskRows.readFile(rs);
                        out.computeIfAbsent(f.taskId().value(), k -> new ArrayList<>()).add(f);
                    }
                }
            }
        }
        return out;
    }

    private void writeTaskFields(GenerationTask task) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(TaskRows.UPDATE_TASK)) {
            TaskRows.bindUpdate(ps, task);
            ps.executeUpdate();
        }
    }

    private void upsertFile(TaskId id, int n, OutputFile f) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(TaskRows.UPSERT_FILE)) {
            TaskRows.bindFile(ps, id, n, f);
            ps.executeUpdate();
        }
    }

    private void writeArchiveFields(FileRecord f) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("UPDATE output_file SET archive_state = ?, local_path = ?, local_size = ?, sha256_download = ?, "
                + "sha256_final = ?, flags = ?, attempts = ?, last_error = ?, archived_at = ? WHERE task_id = ? AND n = ?")) {
            ps.setString(1, f.state().name());
            ps.setString(2, f.localPath() == null ? null : f.localPath().toString());
            TaskRows.setLong(ps, 3, f.localSize());
            ps.setString(4, f.sha256Download());
            ps.setString(5, f.sha256Final());
            ps.setString(6, String.join(",", f.flags()));
            ps.setInt(7, f.attempts());
            ps.setString(8, f.lastError());
            TaskRows.setInstant(ps, 9, f.archivedAt());
            ps.setString(10, f.taskId().value());
            ps.setInt(11, f.index());
            ps.executeUpdate();
        }
    }

    private void updateFile(String what, String sql, Object... params) throws LibraryException {
        inTransaction(what, () -> {
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                bind(ps, List.of(params));
                ps.executeUpdate();
            }
        });
    }

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private void inTransaction(String what, SqlWork work) throws LibraryException {
        try {
            db.setAutoCommit(false);
            try {
                work.run();
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(file, what, e);
        }
    }

    private <T> List<T> query(String what, String sql, List<Object> params, RowReader<T> reader) throws LibraryException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            bind(ps, params);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw translate(file, what, e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    static LibraryException translate(Path file, String what, SQLException e) {
        int code = e.getErrorCode() & 0xff;
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
            return new LibraryException(LibraryException.Kind.CORRUPT, "The library " + file + " is damaged (" + what + " failed)."
                    + " It can be rebuilt from the answers it saved: run 'aigc-desk repair'.", e);
        }
        if (code == SQLITE_FULL) {
            return new LibraryException(LibraryException.Kind.STORAGE, "The disk holding " + file + " is full; could not " + what + ".", e);
        }
        if (code == SQLITE_BUSY) {
            return new LibraryException(LibraryException.Kind.LOCKED, "The library " + file + " is busy in another process; could not " + what + ".", e);
        }
        return new LibraryException(LibraryException.Kind.STORAGE, "Could not " + what + " in " + file + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("Closing the library failed", e);
        }
    }
}
