package dev.aigcdesk.library.sqlite;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.Curation;
import dev.aigcdesk.library.Salvaged;
import dev.aigcdesk.library.sql.RawText;
import dev.aigcdesk.library.sql.TaskRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads whatever can still be read from a damaged library, row by row, without writing to it. */
final class LedgerSalvage {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerSalvage.class);

    private LedgerSalvage() {}

    /**
     * What could be read.
     *
     * @param expected  how many tasks the file says it holds, or -1 when even that cannot be read
     * @param mentioned ids the file's other tables name (its files), whether or not their task rows could be read
     */
    record Result(List<Salvaged.Task> tasks, int expected, Set<TaskId> mentioned) {}

    /**
     * Reads every task row that can still be read. A scan stops at the first damaged page, so when it
     * does, the rows are read again one by one, skipping the damaged ones: rows after a bad page survive.
     */
    static Result read(Path damaged) {
        Map<String, Salvaged.Task> out = new LinkedHashMap<>();
        int expected = -1;
        Set<TaskId> mentioned = new HashSet<>();
        try (Connection c =
                DriverManager.getConnection("jdbc:sqlite:file:" + damaged.toAbsolutePath() + "?mode=ro&immutable=1")) {
            Map<String, List<Salvaged.File>> files = files(c);
            Map<String, Curation> curations = curations(c);
            expected = count(c);
            mentioned.addAll(mentioned(c));
            boolean complete = scan(c, files, curations, out);
            if (!complete) {
                long last = maxRowid(c);
                int misses = 0;
                for (long rowid = 1; rowid <= last || (last < 0 && misses < 5000); rowid++) {
                    misses = readRow(c, rowid, files, curations, out) ? 0 : misses + 1;
                }
                LOG.warn("Salvaged {} tasks row by row from {}", out.size(), damaged);
            }
        } catch (SQLException e) {
            LOG.warn("Nothing more could be read from {}: {}", damaged, e.getMessage());
        }
        return new Result(new ArrayList<>(out.values()), expected, mentioned);
    }

    private static final String COLUMNS = "SELECT id, added_at, raw_latest, raw_first_finish FROM task";

    private static boolean scan(
            Connection c,
            Map<String, List<Salvaged.File>> files,
            Map<String, Curation> curations,
            Map<String, Salvaged.Task> out) {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                add(rs, files, curations, out);
            }
            return true;
        } catch (SQLException e) {
            LOG.warn("The scan of the library stopped after {} tasks: {}", out.size(), e.getMessage());
            return false;
        }
    }

    private static boolean readRow(
            Connection c,
            long rowid,
            Map<String, List<Salvaged.File>> files,
            Map<String, Curation> curations,
            Map<String, Salvaged.Task> out) {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE rowid = ?")) {
            ps.setLong(1, rowid);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    add(rs, files, curations, out);
                    return true;
                }
                return false;
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private static void add(
            ResultSet rs,
            Map<String, List<Salvaged.File>> files,
            Map<String, Curation> curations,
            Map<String, Salvaged.Task> out)
            throws SQLException {
        String id = rs.getString(1);
        if (id != null && TaskId.isValid(id) && !out.containsKey(id)) {
            out.put(
                    id,
                    new Salvaged.Task(
                            TaskId.parse(id),
                            Instant.ofEpochMilli(rs.getLong(2)),
                            RawText.readOrNull(rs, 3),
                            sameAsLatest(rs) ? RawText.readOrNull(rs, 3) : RawText.readOrNull(rs, 4),
                            files.getOrDefault(id, List.of()),
                            curations.getOrDefault(id, Curation.NONE)));
        }
    }

    private static boolean sameAsLatest(ResultSet rs) {
        try {
            return RawText.sameAsLatest(rs, 4);
        } catch (SQLException damaged) {
            return false;
        }
    }

    private static Set<TaskId> mentioned(Connection c) {
        Set<TaskId> ids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT task_id FROM output_file");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (TaskId.isValid(rs.getString(1))) {
                    ids.add(TaskId.parse(rs.getString(1)));
                }
            }
        } catch (SQLException e) {
            LOG.info("The file records name no more tasks: {}", e.getMessage());
        }
        return ids;
    }

    /** Stars, tags and collections by task, as far as they can be read (a library from before they existed has none). */
    private static Map<String, Curation> curations(Connection c) {
        Map<String, Integer> stars = new HashMap<>();
        Map<String, List<String>> tags = new HashMap<>();
        Map<String, List<String>> collections = new HashMap<>();
        readPairs(c, "SELECT id, stars FROM task WHERE stars > 0", (id, v) -> stars.put(id, Integer.parseInt(v)));
        readPairs(
                c,
                "SELECT tt.task_id, g.name FROM task_tag tt JOIN tag g ON g.id = tt.tag_id",
                (id, v) -> tags.computeIfAbsent(id, k -> new ArrayList<>()).add(v));
        readPairs(
                c,
                "SELECT tc.task_id, n.name FROM task_collection tc JOIN collection n ON n.id = tc.collection_id",
                (id, v) ->
                        collections.computeIfAbsent(id, k -> new ArrayList<>()).add(v));
        Map<String, Curation> out = new HashMap<>();
        Set<String> ids = new HashSet<>(stars.keySet());
        ids.addAll(tags.keySet());
        ids.addAll(collections.keySet());
        for (String id : ids) {
            int n = Math.max(0, Math.min(5, stars.getOrDefault(id, 0)));
            out.put(id, new Curation(n, tags.getOrDefault(id, List.of()), collections.getOrDefault(id, List.of())));
        }
        return out;
    }

    private static void readPairs(Connection c, String sql, BiConsumer<String, String> each) {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                each.accept(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            LOG.info("Salvage could not read '{}': {}", sql, e.getMessage());
        }
    }

    private static int count(Connection c) {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM task");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    private static long maxRowid(Connection c) {
        try (PreparedStatement ps = c.prepareStatement("SELECT max(rowid) FROM task");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    private static Map<String, List<Salvaged.File>> files(Connection c) {
        Map<String, List<Salvaged.File>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT task_id, n, local_path, local_size, sha256_download, sha256_final, flags, archive_state "
                                + "FROM output_file WHERE local_path IS NOT NULL");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Salvaged.File(
                                rs.getInt(2),
                                Path.of(rs.getString(3)),
                                TaskRows.getLong(rs, "local_size"),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                "ARCHIVED".equals(rs.getString(8))));
            }
        } catch (SQLException e) {
            LOG.warn("The file records could not all be read: {}", e.getMessage());
        }
        return out;
    }
}
