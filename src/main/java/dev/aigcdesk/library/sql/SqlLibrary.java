package dev.aigcdesk.library.sql;

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
import dev.aigcdesk.library.LocalCopies;
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
import java.util.function.Consumer;

/**
 * The library over SQL: every task added, every answer the service gave, where each output sits, and
 * the curation, in plain SQL that SQLite and PostgreSQL both speak (their differences are a {@link
 * Dialect}). Writes go one transaction at a time on one connection; reads on their own connection, so
 * they never wait for a write. An engine's adapter opens the connections and adds what only it has:
 * where it lives, the sync lock, how changes reach other processes.
 */
public abstract class SqlLibrary implements Library {

    /** Writes one transaction at a time under this object's monitor; reads on their own connection. */
    private final SqlConnections connections;

    private final ChangeListeners changes = new ChangeListeners();
    private final Dialect dialect;
    private final String author;
    private final LocalCopies copies;

    /** @param author who this library's changes are made by (a team desktop's name), or null in one's own library */
    protected SqlLibrary(Connection db, Connection readDb, Dialect dialect, String author, LocalCopies copies) {
        this.connections = new SqlConnections(db, readDb, dialect, copies, this::reconnect);
        this.copies = copies;
        this.dialect = dialect;
        this.author = author;
    }

    /** Who this library's changes are made by, or null. */
    String author() {
        return author;
    }

    @Override
    public SqlCurator curator() {
        return new SqlCurator(this);
    }

    @Override
    public SqlCreations creations() {
        return new SqlCreations(this);
    }

    /** The write connection now; callers hold this library's monitor. */
    Connection writeConnection() {
        return connections.write();
    }

    /** Reads inside a write transaction. */
    TaskReader writeReader() {
        return connections.writeReader();
    }

    /** A new connection after the old one was lost (a team's server restarted); a local file's is never lost. */
    protected Connection reconnect() throws SQLException {
        throw new SQLException("The connection to the library was lost", "08003");
    }

    @Override
    public AutoCloseable onChange(Consumer<LibraryEvent> listener) {
        return changes.add(listener);
    }

    /** Says a change, once it is committed. This engine tells this process's listeners; a shared one tells every desktop. */
    protected void publish(LibraryEvent.Kind kind, Collection<TaskId> ids) {
        tell(new LibraryEvent(kind, new LinkedHashSet<>(ids)));
    }

    /** Tells this process's listeners. */
    protected final void tell(LibraryEvent e) {
        changes.tell(e);
    }

    Dialect dialect() {
        return dialect;
    }

    public synchronized AddResult add(Collection<TaskId> ids, Instant now) throws LibraryException {
        List<TaskId> added = new ArrayList<>();
        List<TaskId> present = new ArrayList<>();
        inTransaction("add tasks", () -> {
            try (PreparedStatement ps = connections
                    .write()
                    .prepareStatement(
                            "INSERT INTO task (id, kind, state, added_at, added_by) VALUES (?, ?, 'UNKNOWN', ?, ?) ON CONFLICT(id) DO NOTHING")) {
                for (TaskId id : new LinkedHashSet<>(ids)) {
                    ps.setString(1, id.value());
                    ps.setString(2, id.kind().name());
                    ps.setLong(3, now.toEpochMilli());
                    ps.setString(4, author);
                    (ps.executeUpdate() == 1 ? added : present).add(id);
                }
            }
        });
        if (!added.isEmpty()) {
            publish(LibraryEvent.Kind.ADDED, added);
        }
        return new AddResult(added, present);
    }

    @Override
    public SqlRemovals removals() {
        return new SqlRemovals(this);
    }

    public synchronized Change recordAnswer(GenerationTask task, String rawJson, Instant now) throws LibraryException {
        Change[] change = new Change[1];
        inTransaction("record an answer", () -> {
            Optional<TaskRecord> before = connections.writeReader().find(task.id());
            if (before.isEmpty()) {
                try (PreparedStatement ps = connections
                        .write()
                        .prepareStatement(
                                "INSERT INTO task (id, kind, state, added_at, added_by) VALUES (?, ?, 'UNKNOWN', ?, ?)")) {
                    SqlSupport.bind(
                            ps, Arrays.asList(task.id().value(), task.kind().name(), now.toEpochMilli(), author));
                    ps.executeUpdate();
                }
            }
            TaskWriter.writeTaskFields(connections.write(), task);
            try (PreparedStatement ps = connections
                    .write()
                    .prepareStatement("UPDATE task SET refreshed_at = ?, reach = 'REACHABLE', not_found_count = 0, "
                            + "last_error = NULL, raw_latest = ?, raw_first_finish = " + dialect.firstFinishUpdate()
                            + " WHERE id = ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setBytes(2, RawText.pack(rawJson));
                ps.setBoolean(3, task.state().isTerminal());
                ps.setString(4, task.id().value());
                ps.executeUpdate();
            }
            TaskWriter.replaceReferences(connections.write(), task);
            int n = 1;
            for (OutputFile f : task.outputs()) {
                TaskWriter.upsertFile(connections.write(), task.id(), n++, f);
            }
            change[0] = new Change(
                    before.orElse(null),
                    connections.writeReader().find(task.id()).orElseThrow());
        });
        publish(LibraryEvent.Kind.ANSWERED, List.of(task.id()));
        return change[0];
    }

    public synchronized int recordQueryError(TaskId id, String message, boolean notFound, Instant now)
            throws LibraryException {
        int[] count = new int[1];
        inTransaction("record a query error", () -> {
            try (PreparedStatement ps = connections
                    .write()
                    .prepareStatement(
                            "UPDATE task SET last_error = ?, "
                                    + "not_found_count = CASE WHEN ? THEN not_found_count + 1 ELSE not_found_count END WHERE id = ?")) {
                SqlSupport.bind(ps, Arrays.asList(message, notFound, id.value()));
                ps.executeUpdate();
            }
            try (PreparedStatement ps =
                    connections.write().prepareStatement("SELECT not_found_count FROM task WHERE id = ?")) {
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
            try (PreparedStatement ps = connections
                    .write()
                    .prepareStatement("UPDATE task SET reach = ?, last_error = coalesce(?, last_error) WHERE id = ?")) {
                SqlSupport.bind(ps, Arrays.asList(reach.name(), why, id.value()));
                ps.executeUpdate();
            }
        });
        publish(LibraryEvent.Kind.ANSWERED, List.of(id));
    }

    @Override
    public synchronized void planArchive(
            TaskId id, int n, Path path, long size, String sha256Download, String sha256Final, Set<String> flags)
            throws LibraryException {
        Object[] p = {path.toString(), size, sha256Download, sha256Final, String.join(",", flags), id.value(), n};
        updateFile(id, "plan an archive copy", FileQueries.PLAN, p);
    }

    @Override
    public synchronized void recordDuration(TaskId id, int n, double seconds) throws LibraryException {
        updateFile(id, "note a video's length", FileQueries.DURATION, seconds, id.value(), n);
    }

    @Override
    public synchronized void recordPixels(List<Pixels> files) throws LibraryException {
        inTransaction("note pictures' sizes", () -> {
            try (PreparedStatement ps = connections
                    .write()
                    .prepareStatement("UPDATE output_file SET width = ?, height = ? WHERE task_id = ? AND n = ?")) {
                for (Pixels p : files) {
                    SqlSupport.bind(ps, List.of(p.width(), p.height(), p.id().value(), p.n()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        publish(LibraryEvent.Kind.FILES, files.stream().map(Pixels::id).toList());
    }

    @Override
    public synchronized void markArchived(TaskId id, int n, Instant now) throws LibraryException {
        updateFile(id, "mark a file archived", FileQueries.ARCHIVED, now.toEpochMilli(), id.value(), n);
    }

    @Override
    public synchronized void markFile(TaskId id, int n, ArchiveState state, String error) throws LibraryException {
        updateFile(id, "update a file", FileQueries.MARK, state.name(), error, id.value(), n);
    }

    @Override
    public List<FileRecord> filesToArchive() throws LibraryException {
        return read("list files to archive", FileQueries::toArchive);
    }

    @Override
    public List<FileRecord> filesWithoutPixels(int limit) throws LibraryException {
        return here("list files to measure", c -> FileQueries.withoutPixels(c, limit));
    }

    /** Files as this desktop finds them (a team's: where it keeps its copies). */
    private List<FileRecord> here(String what, Read<List<FileRecord>> files) throws LibraryException {
        return read(what, c -> files.run(c).stream().map(copies::here).toList());
    }

    @Override
    public synchronized void recordLooks(List<Looked> looks) throws LibraryException {
        inTransaction("note how pictures look", () -> LookQueries.write(connections.write(), looks));
        publish(
                LibraryEvent.Kind.FILES,
                looks.stream().map(Looked::id).distinct().toList());
    }

    @Override
    public List<FileRecord> filesWithoutLook(int limit) throws LibraryException {
        return here("list pictures to look at", c -> LookQueries.unlooked(c, limit));
    }

    @Override
    public int filesWithoutLookCount() throws LibraryException {
        return read("count pictures to look at", LookQueries::unlookedCount);
    }

    @Override
    public List<LookRow> looks() throws LibraryException {
        return read("read how pictures look", LookQueries::all);
    }

    @Override
    public int filesToArchiveCount() throws LibraryException {
        return read("count files to archive", FileQueries::toArchiveCount);
    }

    @Override
    public int[] keepSafeCounts(Instant riskBefore) throws LibraryException {
        return read("count the keep-safe views", c -> FileQueries.keepSafeCounts(c, riskBefore));
    }

    @Override
    public List<String> distinct(Facet facet) throws LibraryException {
        return read("list " + facet, c -> FileQueries.distinct(c, facet, dialect));
    }

    public Optional<TaskRecord> find(TaskId id) throws LibraryException {
        return read("read a task", c -> connections.reader().find(id));
    }

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
                c -> connections
                        .reader()
                        .list(SearchSql.of(q, dialect), SearchSql.orderBy(q.filter(), dialect), q.limit(), q.offset()));
    }

    public int count(TaskQuery q) throws LibraryException {
        SearchSql where = SearchSql.of(q, dialect);
        return read(
                "count tasks",
                c -> SqlSupport.query(c, "SELECT count(*) FROM task t" + where.where, where.params, rs -> rs.getInt(1))
                        .get(0));
    }

    public TaskShapes shapes(TaskQuery q) throws LibraryException {
        return read("read the gallery's shapes", c -> ShapeQuery.read(c, q, dialect));
    }

    public List<TaskRecord> activeTasks() throws LibraryException {
        return read(
                "list running tasks",
                c -> connections
                        .reader()
                        .list(SearchSql.ACTIVE, "t.added_at DESC, t.rowid DESC", Integer.MAX_VALUE, 0));
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

    @FunctionalInterface
    protected interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    protected <T> T read(String what, Read<T> work) throws LibraryException {
        return connections.read(what, work);
    }

    /** Closes both connections; an engine with more to close adds to this. */
    @Override
    public void close() {
        synchronized (this) {
            connections.close();
        }
    }

    private void updateFile(TaskId id, String what, String sql, Object... params) throws LibraryException {
        inTransaction(what, () -> {
            try (PreparedStatement ps = connections.write().prepareStatement(sql)) {
                SqlSupport.bind(ps, Arrays.asList(params));
                ps.executeUpdate();
            }
        });
        publish(LibraryEvent.Kind.FILES, List.of(id));
    }

    @FunctionalInterface
    protected interface SqlWork {
        void run() throws SQLException;
    }

    /** One write transaction on the write connection; callers hold this ledger's monitor. */
    protected void inTransaction(String what, SqlWork work) throws LibraryException {
        connections.inTransaction(what, work);
    }

    /** One write transaction that answers something, for an engine's own statements. */
    protected synchronized <T> T write(String what, Read<T> work) throws LibraryException {
        List<T> out = new ArrayList<>(1);
        inTransaction(what, () -> out.add(0, work.run(connections.write())));
        return out.get(0);
    }
}
