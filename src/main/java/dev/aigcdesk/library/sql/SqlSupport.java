package dev.aigcdesk.library.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JDBC plumbing shared by the library's reads and writes: binding, row mapping, closing. */
public final class SqlSupport {

    private static final Logger LOG = LoggerFactory.getLogger(SqlSupport.class);

    private SqlSupport() {}

    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    public static <T> List<T> query(Connection db, String sql, List<Object> params, RowReader<T> reader)
            throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            bind(ps, params);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
            return out;
        }
    }

    public static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    public static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("Closing the library failed", e);
        }
    }
}
