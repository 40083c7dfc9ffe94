package dev.aigcdesk.library.sql;

import dev.aigcdesk.library.Library;
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
 * The first FINISH answer is nearly always the latest too: then it is stored as an empty BLOB that
 * means "the same as the latest", so a task's row fits several to a page instead of one.
 */
public final class RawText {

    /** raw_first_finish's "the same as raw_latest". */
    public static final byte[] SAME_AS_LATEST = new byte[0];

    /** Columns 1 and 2 of a row: the latest raw answer and the first FINISH answer. */
    public static Library.RawAnswers answers(ResultSet rs) throws SQLException {
        String latest = read(rs, 1);
        return new Library.RawAnswers(latest, sameAsLatest(rs, 2) ? latest : read(rs, 2));
    }

    public static boolean sameAsLatest(ResultSet rs, int col) throws SQLException {
        return rs.getObject(col) instanceof byte[] b && b.length == 0;
    }

    private RawText() {}

    /** What to store for {@code json}: deflated bytes, or null. */
    public static byte[] pack(String json) {
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
    public static String read(ResultSet rs, int col) throws SQLException {
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
    public static String readOrNull(ResultSet rs, int col) {
        try {
            return read(rs, col);
        } catch (SQLException damaged) {
            return null;
        }
    }

    public static String unpack(byte[] packed) throws SQLException {
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
