package dev.aigcdesk.library.sql;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.Curation;
import dev.aigcdesk.library.Curator;
import dev.aigcdesk.library.LibraryEvent;
import dev.aigcdesk.library.LibraryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Stars, tags and collections. Every change is one transaction and all or nothing: a change that
 * names a task the library does not have changes nothing and says which ids were unknown.
 */
public final class SqlCurator implements Curator {

    private final SqlLibrary ledger;

    SqlCurator(SqlLibrary ledger) {
        this.ledger = ledger;
    }

    /** The library's write connection now (it is replaced when a team's server comes back). */
    private Connection db() {
        return ledger.writeConnection();
    }

    /** Sets the stars (0 clears them); returns the unknown ids, in which case nothing changed. */
    public List<TaskId> rate(Collection<TaskId> ids, int stars) throws LibraryException {
        if (stars < 0 || stars > 5) {
            throw new IllegalArgumentException("Stars go from 0 to 5, not " + stars);
        }
        return change("rate tasks", ids, () -> {
            try (PreparedStatement ps =
                    db().prepareStatement("UPDATE task SET stars = ?, stars_by = ?, stars_at = ? WHERE id = ?")) {
                long at = System.currentTimeMillis();
                for (TaskId id : ids) {
                    ps.setInt(1, stars);
                    ps.setString(2, ledger.author());
                    ps.setLong(3, at);
                    ps.setString(4, id.value());
                    ps.executeUpdate();
                }
            }
        });
    }

    /** Adds and removes tags (matched ignoring case; a new tag keeps its first spelling); returns the unknown ids, in which case nothing changed. */
    public List<TaskId> tag(Collection<TaskId> ids, Collection<String> add, Collection<String> remove)
            throws LibraryException {
        return change("tag tasks", ids, () -> {
            for (String name : clean(add)) {
                long tag = named("tag", name);
                link("task_tag", "tag_id", tag, ids, true);
            }
            for (String name : clean(remove)) {
                Long tag = find("tag", name);
                if (tag != null) {
                    link("task_tag", "tag_id", tag, ids, false);
                }
            }
            try (var st = db().createStatement()) {
                st.execute("DELETE FROM tag WHERE id NOT IN (SELECT tag_id FROM task_tag)");
            }
        });
    }

    /** Puts tasks in a collection, making it if needed; returns the unknown ids, in which case nothing changed. */
    public List<TaskId> addToCollection(String name, Collection<TaskId> ids) throws LibraryException {
        String n = requireName(name);
        return change(
                "add to a collection",
                ids,
                () -> link("task_collection", "collection_id", named("collection", n), ids, true));
    }

    /** Takes tasks out of a collection (the collection stays); returns the unknown ids, in which case nothing changed. */
    public List<TaskId> removeFromCollection(String name, Collection<TaskId> ids) throws LibraryException {
        String n = requireName(name);
        return change("remove from a collection", ids, () -> {
            Long c = find("collection", n);
            if (c != null) {
                link("task_collection", "collection_id", c, ids, false);
            }
        });
    }

    /** Deletes a collection; its tasks stay in the library. False when there was no such collection. */
    public boolean deleteCollection(String name) throws LibraryException {
        String n = requireName(name);
        boolean[] existed = new boolean[1];
        synchronized (ledger) {
            ledger.inTransaction("delete a collection", () -> {
                try (PreparedStatement ps = db().prepareStatement("DELETE FROM collection WHERE folded = ?")) {
                    ps.setString(1, fold(n));
                    existed[0] = ps.executeUpdate() > 0;
                }
            });
        }
        ledger.publish(LibraryEvent.Kind.CURATED, List.of());
        return existed[0];
    }

    public List<Named> collections() throws LibraryException {
        return ledger.read(
                "list collections",
                c -> SqlSupport.query(
                        c,
                        "SELECT c.name, count(tc.task_id) FROM collection c "
                                + "LEFT JOIN task_collection tc ON tc.collection_id = c.id GROUP BY c.id ORDER BY c.folded",
                        List.of(),
                        rs -> new Named(rs.getString(1), rs.getInt(2))));
    }

    public List<Named> tags() throws LibraryException {
        return ledger.read(
                "list tags",
                c -> SqlSupport.query(
                        c,
                        "SELECT g.name, count(tt.task_id) FROM tag g "
                                + "LEFT JOIN task_tag tt ON tt.tag_id = g.id GROUP BY g.id ORDER BY count(tt.task_id) DESC, g.folded",
                        List.of(),
                        rs -> new Named(rs.getString(1), rs.getInt(2))));
    }

    /** Puts a removed task's stars, tags and collections back (Undo, repair). */
    public void restore(TaskId id, Curation c) throws LibraryException {
        rate(List.of(id), c.stars());
        tag(List.of(id), c.tags(), List.of());
        for (String col : c.collections()) {
            addToCollection(col, List.of(id));
        }
    }

    // ---- internals ------------------------------------------------------------------------------

    private List<TaskId> change(String what, Collection<TaskId> ids, SqlLibrary.SqlWork work) throws LibraryException {
        List<TaskId> unknown = new ArrayList<>();
        synchronized (ledger) {
            ledger.inTransaction(what, () -> {
                try (PreparedStatement ps = db().prepareStatement("SELECT 1 FROM task WHERE id = ?")) {
                    for (TaskId id : new LinkedHashSet<>(ids)) {
                        ps.setString(1, id.value());
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next()) {
                                unknown.add(id);
                            }
                        }
                    }
                }
                if (unknown.isEmpty()) {
                    work.run();
                }
            });
        }
        if (unknown.isEmpty()) {
            ledger.publish(LibraryEvent.Kind.CURATED, ids);
        }
        return unknown;
    }

    private void link(String table, String column, long target, Collection<TaskId> ids, boolean add)
            throws SQLException {
        String sql = add
                ? "INSERT INTO " + table + " (task_id, " + column
                        + ", added_by) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
                : "DELETE FROM " + table + " WHERE task_id = ? AND " + column + " = ?";
        try (PreparedStatement ps = db().prepareStatement(sql)) {
            for (TaskId id : ids) {
                ps.setString(1, id.value());
                ps.setLong(2, target);
                if (add) {
                    ps.setString(3, ledger.author());
                }
                ps.executeUpdate();
            }
        }
    }

    /** The id of the tag or collection of that name (any case), made with this spelling if it is new. */
    private long named(String table, String name) throws SQLException {
        Long found = find(table, name);
        if (found != null) {
            return found;
        }
        try (PreparedStatement ps = db().prepareStatement(
                        "INSERT INTO " + table + " (name, folded) VALUES (?, ?) ON CONFLICT (folded) DO NOTHING")) {
            ps.setString(1, name);
            ps.setString(2, fold(name));
            ps.executeUpdate();
        }
        return find(table, name);
    }

    private Long find(String table, String name) throws SQLException {
        try (PreparedStatement ps = db().prepareStatement("SELECT id FROM " + table + " WHERE folded = ?")) {
            ps.setString(1, fold(name));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static Set<String> clean(Collection<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names == null ? List.<String>of() : names) {
            if (n != null && !n.isBlank()) {
                out.add(n.strip());
            }
        }
        return out;
    }

    /** A name as it is matched: lower case in every script, so "Ünïcode" and "ünïcode" are one tag. */
    public static String fold(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A collection needs a name");
        }
        return name.strip();
    }
}
