package dev.aigcdesk.library.sql;

import dev.aigcdesk.domain.Look;
import dev.aigcdesk.domain.Palette;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.Library;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** How saved pictures look, as the library keeps them: a hash, a colour layout and a palette per file. */
final class LookQueries {

    /** Saved pictures and videos (by type or by the name they were saved under) not looked at yet. */
    private static final String UNLOOKED =
            " FROM output_file f WHERE f.archive_state = 'ARCHIVED' AND f.look_layout IS NULL"
                    + " AND (lower(f.type) IN ('png', 'jpg', 'jpeg', 'webp', 'gif', 'mp4', 'mov')"
                    + " OR lower(f.local_path) LIKE '%.png' OR lower(f.local_path) LIKE '%.jpg'"
                    + " OR lower(f.local_path) LIKE '%.jpeg' OR lower(f.local_path) LIKE '%.mp4')";

    private LookQueries() {}

    static void write(Connection c, List<Library.Looked> looks) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE output_file SET look_hash = ?, look_layout = ?,"
                + " look_palette = ? WHERE task_id = ? AND n = ?")) {
            for (Library.Looked l : looks) {
                ps.setLong(1, l.look().hash());
                ps.setBytes(2, l.look().layout());
                ps.setString(3, l.look().palette().encode());
                ps.setString(4, l.id().value());
                ps.setInt(5, l.n());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static List<FileRecord> unlooked(Connection c, int limit) throws SQLException {
        return SqlSupport.query(
                c,
                "SELECT " + TaskRows.FILE_COLUMNS + UNLOOKED + " ORDER BY f.archived_at DESC, f.task_id, f.n LIMIT ?",
                List.of(limit),
                TaskRows::readFile);
    }

    static int unlookedCount(Connection c) throws SQLException {
        return SqlSupport.query(c, "SELECT count(*)" + UNLOOKED, List.of(), rs -> rs.getInt(1))
                .get(0);
    }

    static List<Library.LookRow> all(Connection c) throws SQLException {
        List<Library.LookRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT f.task_id, f.n, f.sha256_final, coalesce(f.width, 0) * coalesce(f.height, 0), t.stars,"
                                + " t.prompt, f.look_hash, f.look_layout, f.look_palette FROM output_file f"
                                + " JOIN task t ON t.id = f.task_id WHERE f.look_layout IS NOT NULL");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byte[] layout = rs.getBytes(8);
                if (layout == null || layout.length != Look.CELLS * 3) {
                    continue; // looked at, could not be read
                }
                out.add(new Library.LookRow(
                        TaskId.parse(rs.getString(1)),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getInt(5),
                        rs.getString(6),
                        new Look(rs.getLong(7), layout, Palette.decode(rs.getString(9)))));
            }
        }
        return out;
    }
}
