package dev.aigcdesk.library;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The service's raw answers, kept exactly but compactly: deflated into a BLOB (a raw-wire answer,
 * with its forty null task slots, shrinks to a fifth or less). Older libraries hold them as TEXT;
 * both read back as the same string, so nothing {@code show --raw} or {@code repair} needs is lost.
 */
final class RawText {

    private RawText() {
    }

    /** What to store for {@code json}: deflated bytes, or null. */
    static byte[] pack(String json) {
        if (json == null) {
            return null;
        }
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            d.setInput(json.getBytes(StandardCharsets.UTF_8));
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, json.length() / 4));
            byte[] buf = new byte[4096];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /** The answer in column {@code col}: deflated (BLOB) or, from an older library, plain TEXT. */
    static String read(ResultSet rs, int col) throws SQLException {
        Object v = rs.getObject(col);
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] bytes) {
            return unpack(bytes);
        }
        return v.toString();
    }

    /** As {@link #read}, but a damaged answer reads as none (salvaging a damaged library keeps going). */
    static String readOrNull(ResultSet rs, int col) {
        try {
            return read(rs, col);
        } catch (SQLException damaged) {
            return null;
        }
    }

    static String unpack(byte[] packed) throws SQLException {
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(packed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 5);
            byte[] buf = new byte[8192];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new SQLException("A stored raw answer is cut short");
                }
                out.write(buf, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new SQLException("A stored raw answer is damaged: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }
}
