package dev.aigcdesk.library.sql;

import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.Library;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The library's questions about saved files and the sidebar's filters, as SQL on the read connection. */
final class FileQueries {

    private static final String PENDING_FILES = "WHERE f.archive_state = 'PENDING' AND t.state = 'SUCCEEDED'";

    static final String PLAN = "UPDATE output_file SET local_path = ?, local_size = ?, sha256_download = ?,"
            + " sha256_final = ?, flags = ? WHERE task_id = ? AND n = ?";
    static final String DURATION = "UPDATE output_file SET duration_seconds = ? WHERE task_id = ? AND n = ?";
    static final String ARCHIVED = "UPDATE output_file SET archive_state = 'ARCHIVED', archived_at = ?,"
            + " last_error = NULL WHERE task_id = ? AND n = ?";
    static final String MARK = "UPDATE output_file SET archive_state = ?, last_error = ?,"
            + " attempts = attempts + 1 WHERE task_id = ? AND n = ?";

    private FileQueries() {}

    static String unsavedCondition() {
        return PENDING_FILES.replaceFirst("^WHERE ", "");
    }

    static List<FileRecord> toArchive(Connection c) throws SQLException {
        return SqlSupport.query(
                c,
                "SELECT " + TaskRows.FILE_COLUMNS + " FROM output_file f JOIN task t ON t.id = f.task_id "
                        + PENDING_FILES + " ORDER BY f.expire_at IS NULL, f.expire_at, f.task_id, f.n",
                List.of(),
                TaskRows::readFile);
    }

    static List<FileRecord> withoutPixels(Connection c, int limit) throws SQLException {
        return SqlSupport.query(
                c,
                "SELECT " + TaskRows.FILE_COLUMNS + " FROM output_file f"
                        + " WHERE f.archive_state = 'ARCHIVED' AND f.width IS NULL ORDER BY f.task_id, f.n LIMIT ?",
                List.of(limit),
                TaskRows::readFile);
    }

    static int toArchiveCount(Connection c) throws SQLException {
        return SqlSupport.query(
                        c,
                        "SELECT count(*) FROM output_file f JOIN task t ON t.id = f.task_id " + PENDING_FILES,
                        List.of(),
                        rs -> rs.getInt(1))
                .get(0);
    }

    static int[] keepSafeCounts(Connection c, Instant riskBefore) throws SQLException {
        String pending =
                "SELECT count(DISTINCT f.task_id) FROM output_file f JOIN task t ON t.id = f.task_id WHERE f.archive_state = 'PENDING'"
                        + " AND t.state = 'SUCCEEDED'";
        return new int[] {
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
        };
    }

    static List<String> distinct(Connection c, Library.Facet facet, Dialect dialect) throws SQLException {
        String column = switch (facet) {
            case MODEL -> "model_name";
            case ASPECT_RATIO -> "aspect_ratio";
            case RESOLUTION -> "resolution";
        };
        return SqlSupport.query(
                c,
                "SELECT " + column + " FROM task WHERE " + column + " IS NOT NULL AND " + column + " <> '' GROUP BY "
                        + column + " ORDER BY " + dialect.orderIgnoringCase(column),
                List.of(),
                rs -> rs.getString(1));
    }
}
