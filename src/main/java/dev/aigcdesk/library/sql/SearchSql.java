package dev.aigcdesk.library.sql;

import dev.aigcdesk.domain.Reach;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.LibraryFilter;
import dev.aigcdesk.library.TaskQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** Turns a {@link TaskQuery} into a WHERE clause and its parameters. */
public final class SearchSql {

    final String where;
    final List<Object> params;

    private SearchSql(String where, List<Object> params) {
        this.where = where;
        this.params = params;
    }

    /** Tasks the service may still change and can still be asked about (not out of reach). */
    static final SearchSql ACTIVE = new SearchSql(
            " WHERE t.state IN ("
                    + Arrays.stream(TaskState.values())
                            .filter(s -> Reach.REACHABLE.stillFollowed(s))
                            .map(s -> "'" + s.name() + "'")
                            .collect(Collectors.joining(", "))
                    + ") AND t.reach = '" + Reach.REACHABLE.name() + "'",
            List.of());

    /** The column a sort places tasks by, and where its days begin. */
    static String dateColumn(LibraryFilter.Sort sort) {
        return sort == LibraryFilter.Sort.ADDED ? "t.added_at" : "t.created_at";
    }

    /** A ranking's order; else newest first, tasks without a generation time last. */
    static String orderBy(LibraryFilter filter, Dialect dialect) {
        if (filter.ranking() != null && !filter.ranking().ids().isEmpty()) {
            StringBuilder sb = new StringBuilder("CASE t.id");
            List<TaskId> ids = filter.ranking().ids();
            for (int i = 0; i < ids.size(); i++) {
                // A task id is digits, letters and dashes only (TaskId refuses anything else): safe as a literal.
                sb.append(" WHEN '")
                        .append(ids.get(i).value())
                        .append("' THEN ")
                        .append(i);
            }
            return sb.append(" END, t.rowid").toString();
        }
        LibraryFilter.Sort sort = filter.sort();
        String created = dialect.newestFirst("t.created_at");
        return switch (sort) {
            case CREATED -> created + ", t.added_at DESC, t.rowid DESC";
            case ADDED -> "t.added_at DESC, t.rowid DESC";
            case STARS -> "t.stars DESC, " + created + ", t.rowid DESC";
        };
    }

    static SearchSql of(TaskQuery q, Dialect dialect) {
        StringBuilder sb = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        List<String> longTerms = new ArrayList<>();
        for (String term : terms(q.filter().text())) {
            if (term.codePointCount(0, term.length()) >= 3) {
                longTerms.add(term);
            } else {
                // The trigram index cannot look up 1-2 character terms (common in Chinese); these scan instead.
                sb.append(
                        " AND (t.prompt LIKE ? ESCAPE '\\' OR t.negative_prompt LIKE ? ESCAPE '\\' OR t.model_name LIKE ? ESCAPE '\\'"
                                + " OR t.model_version LIKE ? ESCAPE '\\' OR t.id LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM task_tag tt JOIN tag g ON g.id = tt.tag_id"
                                + " WHERE tt.task_id = t.id AND g.folded LIKE ? ESCAPE '\\'))");
                String like = containing(term);
                for (int i = 0; i < 5; i++) {
                    params.add(like);
                }
                params.add(SqlCurator.fold(like));
            }
        }
        for (String term : longTerms) {
            dialect.matchWord(term, sb, params);
        }
        for (String tag : q.filter().tags()) {
            sb.append(
                    " AND EXISTS (SELECT 1 FROM task_tag tt JOIN tag g ON g.id = tt.tag_id WHERE tt.task_id = t.id AND g.folded = ?)");
            params.add(SqlCurator.fold(tag));
        }
        if (q.filter().minStars() > 0) {
            sb.append(" AND t.stars >= ?");
            params.add(q.filter().minStars());
        }
        if (q.filter().aspectRatio() != null) {
            sb.append(" AND " + dialect.equalsIgnoringCase("t.aspect_ratio"));
            params.add(q.filter().aspectRatio());
        }
        if (q.filter().resolution() != null) {
            sb.append(" AND " + dialect.equalsIgnoringCase("t.resolution"));
            params.add(q.filter().resolution());
        }
        if (q.filter().ranking() != null) {
            List<TaskId> ids = q.filter().ranking().ids();
            sb.append(
                    ids.isEmpty()
                            ? " AND 1 = 0"
                            : " AND t.id IN ("
                                    + ids.stream()
                                            .map(i -> "'" + i.value() + "'")
                                            .collect(Collectors.joining(", "))
                                    + ")");
        }
        if (q.filter().family() != null) {
            sb.append(" AND (t.id = ? OR t.id IN (SELECT task_id FROM creation WHERE parent_id = ?)"
                    + " OR t.id = (SELECT parent_id FROM creation WHERE task_id = ?))");
            String id = q.filter().family().value();
            params.add(id);
            params.add(id);
            params.add(id);
        }
        if (q.filter().collection() != null) {
            sb.append(
                    " AND EXISTS (SELECT 1 FROM task_collection tc JOIN collection c ON c.id = tc.collection_id WHERE tc.task_id = t.id AND c.folded = ?)");
            params.add(SqlCurator.fold(q.filter().collection()));
        }
        if (!q.filter().states().isEmpty()) {
            sb.append(" AND t.state IN (")
                    .append(placeholders(q.filter().states().size()))
                    .append(')');
            q.filter().states().forEach(s -> params.add(s.name()));
        }
        if (!q.filter().kinds().isEmpty()) {
            sb.append(" AND t.kind IN (")
                    .append(placeholders(q.filter().kinds().size()))
                    .append(')');
            q.filter().kinds().forEach(k -> params.add(k.name()));
        }
        if (q.filter().model() != null && !q.filter().model().isBlank()) {
            sb.append(" AND (" + dialect.equalsIgnoringCase("t.model_name") + " OR "
                    + dialect.equalsIgnoringCase(
                            "trim(coalesce(t.model_name, '') || ' ' || coalesce(t.model_version, ''))")
                    + ")");
            params.add(q.filter().model().strip());
            params.add(q.filter().model().strip());
        }
        switch (q.filter().outputs()) {
            case LOST ->
                sb.append(
                        " AND EXISTS (SELECT 1 FROM output_file f WHERE f.task_id = t.id AND f.archive_state = 'EXPIRED')");
            case NOT_SAVED ->
                sb.append(
                        " AND t.state = 'SUCCEEDED' AND EXISTS (SELECT 1 FROM output_file f WHERE f.task_id = t.id AND f.archive_state = 'PENDING')");
            case AT_RISK -> {
                sb.append(
                        " AND t.state = 'SUCCEEDED' AND EXISTS (SELECT 1 FROM output_file f WHERE f.task_id = t.id AND f.archive_state = 'PENDING'"
                                + " AND f.expire_at < ?)");
                params.add(
                        q.filter().atRiskBefore() == null
                                ? Long.MAX_VALUE
                                : q.filter().atRiskBefore().toEpochMilli());
            }
            case ANY -> {}
        }
        if (q.filter().addedFrom() != null) {
            sb.append(" AND t.added_at >= ?");
            params.add(q.filter().addedFrom().toEpochMilli());
        }
        if (q.filter().addedTo() != null) {
            sb.append(" AND t.added_at < ?");
            params.add(q.filter().addedTo().toEpochMilli());
        }
        return new SearchSql(sb.toString(), params);
    }

    /** {@code %text%} for LIKE ... ESCAPE '\\', with LIKE's own characters taken literally. */
    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    static List<String> terms(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("\\s+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
