package dev.aigcdesk.library;

import dev.aigcdesk.domain.TaskId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads whatever can still be read from a damaged library, row by row, without writing to it. */
public final class LedgerSalvage {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerSalvage.class);

    /** What was recovered of one task: enough to rebuild it from the service's own answers. */
    public record SalvagedTask(TaskId id, Instant addedAt, String rawLatest, String rawFirstFinish, List<SalvagedFile> files) {
    }

    public record SalvagedFile(int index, Path localPath, Long size, String sha256Download, String sha256Final, String flags, boolean archived) {
    }

    private LedgerSalvage() {
    }

    public static List<SalvagedTask> read(Path damaged) {
        List<SalvagedTask> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + damaged.toAbsolutePath() + "?mode=ro&immutable=1")) {
            Map<String, List<SalvagedFile>> files = files(c);
            try (PreparedStatement ps = c.prepareStatement("SELECT id, added_at, raw_latest, raw_first_finish FROM task");
                 ResultSet rs = ps.executeQuery()) {
                while (true) {
                    try {
                        if (!rs.next()) {
                            break;
                        }
                        String id = rs.getString(1);
                        if (!TaskId.isValid(id)) {
                            continue;
                        }
                        long added = rs.getLong(2);
                        out.add(new SalvagedTask(TaskId.parse(id), Instant.ofEpochMilli(added), rs.getString(3), rs.getString(4),
                                files.getOrDefault(id, List.of())));
                    } catch (SQLException e) {
                        LOG.warn("Salvage stopped after {} tasks: {}", out.size(), e.getMessage());
                        break;
                    }
                }
            }
        } catch (SQLException e) {
            LOG.warn("Nothing more could be read from {}: {}", damaged, e.getMessage());
        }
        return out;
    }

    private static Map<String, List<SalvagedFile>> files(Connection c) {
        Map<String, List<SalvagedFile>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT task_id, n, local_path, local_size, sha256_download, sha256_final, flags, archive_state "
                + "FROM output_file WHERE local_path IS NOT NULL"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new SalvagedFile(rs.getInt(2), Path.of(rs.getString(3)),
                        TaskRows.getLong(rs, "local_size"), rs.getString(5), rs.getString(6), rs.getString(7), "ARCHIVED".equals(rs.getString(8))));
            }
        } catch (SQLException e) {
            LOG.warn("The file records could not all be read: {}", e.getMessage());
        }
        return out;
    }
}
