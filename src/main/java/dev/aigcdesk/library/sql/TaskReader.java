package dev.aigcdesk.library.sql;

import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.Reach;
import dev.aigcdesk.domain.ReferenceInput;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.Authors;
import dev.aigcdesk.library.Curation;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.LocalCopies;
import dev.aigcdesk.library.TaskRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads task records over one connection: the ledger's read connection, or its write connection inside a transaction. */
final class TaskReader {

    private final Connection db;

    private final LocalCopies copies;

    TaskReader(Connection db, LocalCopies copies) {
        this.db = db;
        this.copies = copies;
    }

    private record RowAndTask(
            GenerationTask task,
            Instant added,
            Instant refreshed,
            Reach reach,
            String lastError,
            int stars,
            String addedBy,
            String starsBy,
            Instant starsAt) {}

    private static final String TAGS =
            "SELECT tt.task_id, g.name, tt.added_by FROM task_tag tt JOIN tag g ON g.id = tt.tag_id";
    private static final String COLLECTIONS =
            "SELECT tc.task_id, c.name, tc.added_by FROM task_collection tc JOIN collection c ON c.id = tc.collection_id";

    List<TaskRecord> list(SearchSql where, String orderBy, int limit, int offset) throws SQLException {
        List<Object> params = new ArrayList<>(where.params);
        params.add(limit);
        params.add(offset);
        Map<String, RowAndTask> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT " + TaskRows.TASK_COLUMNS + " FROM task t" + where.where
                + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?")) {
            SqlSupport.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(
                            rs.getString("id"),
                            new RowAndTask(
                                    TaskRows.readTask(rs, List.of(), List.of()),
                                    TaskRows.getInstant(rs, "added_at"),
                                    TaskRows.getInstant(rs, "refreshed_at"),
                                    Reach.valueOf(rs.getString("reach")),
                                    rs.getString("last_error"),
                                    rs.getInt("stars"),
                                    rs.getString("added_by"),
                                    rs.getString("stars_by"),
                                    TaskRows.getInstant(rs, "stars_at")));
                }
            }
        }
        Map<String, List<FileRecord>> files = filesOf(rows.keySet());
        Map<String, Map<String, String>> tags = namesOf(rows.keySet(), TAGS);
        Map<String, Map<String, String>> collections = namesOf(rows.keySet(), COLLECTIONS);
        List<TaskRecord> out = new ArrayList<>(rows.size());
        for (RowAndTask r : rows.values()) {
            String id = r.task.id().value();
            List<FileRecord> fs = files.getOrDefault(id, List.of());
            out.add(new TaskRecord(
                    withOutputs(r.task, fs),
                    r.added,
                    r.refreshed,
                    r.reach,
                    r.lastError,
                    fs,
                    curation(r.stars, tags.get(id), collections.get(id)),
                    authors(r.addedBy, r.starsBy, r.starsAt, tags.get(id), collections.get(id))));
        }
        return out;
    }

    Optional<TaskRecord> find(TaskId id) throws SQLException {
        try (PreparedStatement ps =
                db.prepareStatement("SELECT " + TaskRows.TASK_COLUMNS + " FROM task t WHERE t.id = ?")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<ReferenceInput> refs = referencesOf(id);
                List<FileRecord> files = filesOf(List.of(id.value())).getOrDefault(id.value(), List.of());
                GenerationTask t = withOutputs(TaskRows.readTask(rs, refs, List.of()), files);
                Map<String, String> tags = namesOf(List.of(id.value()), TAGS).get(id.value());
                Map<String, String> collections =
                        namesOf(List.of(id.value()), COLLECTIONS).get(id.value());
                return Optional.of(new TaskRecord(
                        t,
                        TaskRows.getInstant(rs, "added_at"),
                        TaskRows.getInstant(rs, "refreshed_at"),
                        Reach.valueOf(rs.getString("reach")),
                        rs.getString("last_error"),
                        files,
                        curation(rs.getInt("stars"), tags, collections),
                        authors(
                                rs.getString("added_by"),
                                rs.getString("stars_by"),
                                TaskRows.getInstant(rs, "stars_at"),
                                tags,
                                collections)));
            }
        }
    }

    static GenerationTask withOutputs(GenerationTask t, List<FileRecord> files) {
        return t.withOutputs(files.stream().map(FileRecord::file).toList());
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
            try (PreparedStatement ps = db.prepareStatement("SELECT " + TaskRows.FILE_COLUMNS
                    + " FROM output_file f WHERE f.task_id IN (" + in + ") ORDER BY f.task_id, f.n")) {
                SqlSupport.bind(ps, new ArrayList<>(chunk));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        FileRecord f = copies.here(TaskRows.readFile(rs));
                        out.computeIfAbsent(f.taskId().value(), k -> new ArrayList<>())
                                .add(f);
                    }
                }
            }
        }
        return out;
    }

    private static Curation curation(int stars, Map<String, String> tags, Map<String, String> collections) {
        return new Curation(
                stars,
                tags == null ? List.of() : List.copyOf(tags.keySet()),
                collections == null ? List.of() : List.copyOf(collections.keySet()));
    }

    private static Authors authors(
            String addedBy,
            String starsBy,
            Instant starsAt,
            Map<String, String> tags,
            Map<String, String> collections) {
        return new Authors(addedBy, starsBy, starsAt, whoOf(tags), whoOf(collections));
    }

    private static Map<String, String> whoOf(Map<String, String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        if (names != null) {
            names.forEach((name, by) -> {
                if (by != null) {
                    out.put(name, by);
                }
            });
        }
        return out;
    }

    /** Names (tags or collections) per task, in order, with who put each on; {@code select} yields (task_id, name, added_by). */
    private Map<String, Map<String, String>> namesOf(Collection<String> ids, String select) throws SQLException {
        Map<String, Map<String, String>> out = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        boolean tags = select.contains("task_tag tt");
        String alias = tags ? "tt" : "tc";
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String in = chunk.stream().map(x -> "?").collect(Collectors.joining(","));
            try (PreparedStatement ps = db.prepareStatement(select + " WHERE " + alias + ".task_id IN (" + in
                    + ") ORDER BY " + (tags ? "g" : "c") + ".folded")) {
                SqlSupport.bind(ps, new ArrayList<>(chunk));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                                .put(rs.getString(2), rs.getString(3));
                    }
                }
            }
        }
        return out;
    }
}
