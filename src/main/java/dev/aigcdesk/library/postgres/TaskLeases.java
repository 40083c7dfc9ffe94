package dev.aigcdesk.library.postgres;

import dev.aigcdesk.library.sql.SqlSupport;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The team's work, leased task by task: each running task (or finished one with files to save) is
 * worked on by one process at a time, until its lease ends. A process takes its fair share (the work
 * divided by the processes seen alive), keeps what it holds while it renews, and takes over what another
 * let lapse. Times are the server's, so desktops' clocks need not agree.
 */
final class TaskLeases {

    private static final String NOW = "(extract(epoch from clock_timestamp()) * 1000)::bigint";

    /** What one claim gave this process. */
    record Claim(Set<String> ids, int refreshers) {}

    private final String origin;
    private final String desktop;
    private final String work;

    /**
     * @param followed the condition of tasks still followed (on {@code task t})
     * @param unsaved  the condition of files waiting to be saved (on {@code output_file f} of {@code task t})
     */
    TaskLeases(String origin, String desktop, String followed, String unsaved) {
        this.origin = origin;
        this.desktop = desktop;
        this.work = "((" + followed + ") OR EXISTS (SELECT 1 FROM output_file f WHERE f.task_id = t.id AND " + unsaved
                + "))";
    }

    /** Says this process is alive, then takes its share: what it holds first, then what is free or lapsed. */
    Claim claim(Connection c, long leaseMs) throws SQLException {
        long now = SqlSupport.query(c, "SELECT " + NOW, List.of(), rs -> rs.getLong(1))
                .get(0);
        update(
                c,
                "INSERT INTO refresher (origin, desktop, seen_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (origin) DO UPDATE SET seen_at = excluded.seen_at, desktop = excluded.desktop",
                origin,
                desktop,
                now);
        update(c, "DELETE FROM refresher WHERE seen_at < ?", now - 10 * leaseMs);
        int refreshers = count(c, "SELECT count(*) FROM refresher WHERE seen_at > ?", now - leaseMs);
        int work = count(c, "SELECT count(*) FROM task t WHERE " + this.work);
        int share = (work + refreshers - 1) / Math.max(1, refreshers);
        Set<String> ids = new LinkedHashSet<>(SqlSupport.query(
                c,
                "UPDATE task SET lease_by = ?, lease_until = ? WHERE id IN (SELECT t.id FROM task t WHERE " + this.work
                        + " AND (t.lease_by = ? OR t.lease_by IS NULL OR t.lease_until < ?)"
                        + " ORDER BY coalesce(t.lease_by = ?, false) DESC, t.added_at LIMIT ? FOR UPDATE SKIP LOCKED)"
                        + " RETURNING id",
                List.of(origin, now + leaseMs, origin, now, origin, share),
                rs -> rs.getString(1)));
        // What this process held beyond its share goes back now, for a desktop that just joined to take.
        Array held = c.createArrayOf("text", ids.toArray());
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE task SET lease_by = NULL, lease_until = NULL" + " WHERE lease_by = ? AND NOT (id = ANY (?))")) {
            ps.setString(1, origin);
            ps.setArray(2, held);
            ps.executeUpdate();
        }
        update(c, "UPDATE refresher SET tasks = ? WHERE origin = ?", ids.size(), origin);
        return new Claim(ids, refreshers);
    }

    /** Keeps what this process holds another lease. */
    void renew(Connection c, long leaseMs) throws SQLException {
        update(c, "UPDATE task SET lease_until = " + NOW + " + ? WHERE lease_by = ?", leaseMs, origin);
        update(c, "UPDATE refresher SET seen_at = " + NOW + " WHERE origin = ?", origin);
    }

    /** Hands back everything this process holds, for the others to take at once. */
    void release(Connection c) throws SQLException {
        update(c, "UPDATE task SET lease_by = NULL, lease_until = NULL WHERE lease_by = ?", origin);
        update(c, "DELETE FROM refresher WHERE origin = ?", origin);
    }

    /** Who shares the work now: "Ann (12 tasks), Ben (11 tasks)", or null when no one does. */
    static String sharing(Connection c, long leaseMs) throws SQLException {
        List<String> who = SqlSupport.query(
                c,
                "SELECT desktop, sum(tasks) FROM refresher WHERE seen_at > " + NOW + " - ? GROUP BY desktop"
                        + " ORDER BY desktop",
                List.of(leaseMs),
                rs -> rs.getString(1) + " (" + rs.getLong(2) + " task" + (rs.getLong(2) == 1 ? "" : "s") + ")");
        return who.isEmpty() ? null : String.join(", ", who);
    }

    private static int count(Connection c, String sql, Object... params) throws SQLException {
        return SqlSupport.query(c, sql, List.of(params), rs -> rs.getInt(1)).get(0);
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            SqlSupport.bind(ps, List.of(params));
            ps.executeUpdate();
        }
    }
}
