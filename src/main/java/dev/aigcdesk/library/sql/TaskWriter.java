package dev.aigcdesk.library.sql;

import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.OutputFile;
import dev.aigcdesk.domain.ReferenceInput;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.FileRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Writes a task's rows inside the ledger's write transaction. */
final class TaskWriter {

    private TaskWriter() {}

    static void writeTaskFields(Connection db, GenerationTask task) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(TaskRows.UPDATE_TASK)) {
            TaskRows.bindUpdate(ps, task);
            ps.executeUpdate();
        }
    }

    static void upsertFile(Connection db, TaskId id, int n, OutputFile f) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(TaskRows.UPSERT_FILE)) {
            TaskRows.bindFile(ps, id, n, f);
            ps.executeUpdate();
        }
    }

    static void writeArchiveFields(Connection db, FileRecord f) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "UPDATE output_file SET archive_state = ?, local_path = ?, local_size = ?, sha256_download = ?, "
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

    static void replaceReferences(Connection db, GenerationTask task) throws SQLException {
        try (PreparedStatement del = db.prepareStatement("DELETE FROM task_reference WHERE task_id = ?")) {
            del.setString(1, task.id().value());
            del.executeUpdate();
        }
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO task_reference (task_id, n, type, category, url, file_id, text, usage, "
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
    }
}
