package dev.aigcdesk.library.sql;

import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.TaskShapes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Reads the sort date and picture shape of every task a query lists, in its order, in one pass: a
 * task's first output with known pixels gives its shape, else the aspect ratio asked for (the same
 * rule as {@link TaskShapes#of} for records at hand).
 */
final class ShapeQuery {

    private ShapeQuery() {}

    static TaskShapes read(Connection c, TaskQuery q, Dialect dialect) throws SQLException {
        SearchSql where = SearchSql.of(q, dialect);
        String sql = "SELECT " + SearchSql.dateColumn(q.sort())
                + ", t.aspect_ratio, (SELECT f.width * 1.0 / f.height FROM output_file f WHERE f.task_id = t.id"
                + " AND f.width > 0 AND f.height > 0 ORDER BY f.n LIMIT 1) FROM task t" + where.where + " ORDER BY "
                + SearchSql.orderBy(q.filter(), dialect);
        Rows rows = new Rows();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            SqlSupport.bind(ps, where.params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long time = rs.getLong(1);
                    boolean undated = rs.wasNull();
                    double pixels = rs.getDouble(3);
                    rows.add(
                            undated ? TaskShapes.UNDATED : time,
                            rs.wasNull() ? TaskShapes.ratioOf(rs.getString(2)) : (float) pixels);
                }
            }
        }
        return rows.done();
    }

    /** Primitive arrays that grow: 100k boxed values per gallery read would be garbage for nothing. */
    private static final class Rows {
        private long[] times = new long[1024];
        private float[] ratios = new float[1024];
        private int n;

        void add(long time, float ratio) {
            if (n == times.length) {
                times = Arrays.copyOf(times, n * 2);
                ratios = Arrays.copyOf(ratios, n * 2);
            }
            times[n] = time;
            ratios[n++] = ratio;
        }

        TaskShapes done() {
            return new TaskShapes(Arrays.copyOf(times, n), Arrays.copyOf(ratios, n));
        }
    }
}
