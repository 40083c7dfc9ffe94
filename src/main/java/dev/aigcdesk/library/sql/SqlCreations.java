package dev.aigcdesk.library.sql;

import dev.aigcdesk.domain.GenerationRequest;
import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.OutputConfig;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.domain.TaskTimes;
import dev.aigcdesk.library.Creations;
import dev.aigcdesk.library.LibraryEvent;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.Lineage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Generations started from this app: the new task goes into the library at once (waiting, with its
 * prompt and model, so the list shows it before the first answer), with the exact request sent and
 * the task it was made from.
 */
public final class SqlCreations implements Creations {

    private final SqlLibrary ledger;

    SqlCreations(SqlLibrary ledger) {
        this.ledger = ledger;
    }

    /** The library's write connection now (it is replaced when a team's server comes back). */
    private Connection db() {
        return ledger.writeConnection();
    }

    /**
     * Records a task the service just accepted, in one transaction.
     *
     * @param parent the task it was generated again from, or null
     */
    public void record(
            TaskId id, GenerationRequest request, String sentJson, String requestId, TaskId parent, Instant now)
            throws LibraryException {
        GenerationTask task = new GenerationTask(
                id,
                request.kind(),
                TaskState.WAITING,
                0,
                request.prompt(),
                request.negativePrompt(),
                request.enhancePrompt(),
                request.modelName(),
                request.modelVersion(),
                null,
                null,
                null,
                new OutputConfig(
                        request.storageMode(),
                        request.resolution(),
                        request.aspectRatio(),
                        request.durationSeconds(),
                        request.audioGeneration(),
                        null,
                        null,
                        null),
                List.of(),
                new TaskTimes(now, null, null),
                requestId,
                null,
                List.of());
        synchronized (ledger) {
            ledger.inTransaction("record a new generation", () -> {
                try (PreparedStatement ps = db().prepareStatement(
                                "INSERT INTO task (id, kind, state, added_at, added_by) VALUES (?, ?, 'WAITING', ?, ?) ON CONFLICT(id) DO NOTHING")) {
                    ps.setString(1, id.value());
                    ps.setString(2, request.kind().name());
                    ps.setLong(3, now.toEpochMilli());
                    ps.setString(4, ledger.author());
                    if (ps.executeUpdate() == 1) {
                        TaskWriter.writeTaskFields(db(), task);
                    }
                }
                try (PreparedStatement ps = db().prepareStatement(
                                "INSERT INTO creation (task_id, parent_id, request, request_id, requested_at) "
                                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT(task_id) DO NOTHING")) {
                    ps.setString(1, id.value());
                    ps.setString(2, parent == null ? null : parent.value());
                    ps.setString(3, sentJson);
                    ps.setString(4, requestId);
                    ps.setLong(5, now.toEpochMilli());
                    ps.executeUpdate();
                }
            });
        }
        ledger.publish(LibraryEvent.Kind.ADDED, List.of(id));
    }

    /** The row of {@code id}, read inside the caller's transaction, or null for a task added by id. */
    static Made made(Connection db, TaskId id) throws SQLException {
        List<Made> rows = SqlSupport.query(
                db,
                "SELECT request, request_id, parent_id, requested_at FROM creation WHERE task_id = ?",
                List.of(id.value()),
                rs -> new Made(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Puts a removed task's creation row back, inside the caller's transaction (its Undo). */
    static void insert(Connection db, TaskId id, Made made) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO creation (task_id, parent_id, request, request_id, requested_at) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (task_id) DO UPDATE SET parent_id = excluded.parent_id, request = excluded.request,"
                        + " request_id = excluded.request_id, requested_at = excluded.requested_at")) {
            ps.setString(1, id.value());
            ps.setString(2, made.parent());
            ps.setString(3, made.request());
            ps.setString(4, made.requestId());
            ps.setLong(5, made.requestedAt());
            ps.executeUpdate();
        }
    }

    /** Where the task came from and its tries since. */
    public Lineage lineage(TaskId id) throws LibraryException {
        return ledger.read("read a task's tries", c -> {
            List<String[]> own = SqlSupport.query(
                    c, "SELECT request, parent_id FROM creation WHERE task_id = ?", List.of(id.value()), rs ->
                            new String[] {rs.getString(1), rs.getString(2)});
            List<TaskId> tries = SqlSupport.query(
                    c,
                    "SELECT task_id FROM creation WHERE parent_id = ? ORDER BY requested_at, task_id",
                    List.of(id.value()),
                    rs -> TaskId.parse(rs.getString(1)));
            Optional<String[]> row = own.stream().findFirst();
            TaskId parent = row.map(r -> r[1])
                    .filter(TaskId::isValid)
                    .map(TaskId::parse)
                    .orElse(null);
            return new Lineage(row.map(r -> r[0]).orElse(null), parent, tries);
        });
    }
}
