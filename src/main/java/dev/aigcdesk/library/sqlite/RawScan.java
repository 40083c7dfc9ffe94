package dev.aigcdesk.library.sqlite;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.Salvaged;
import dev.aigcdesk.library.sql.RawText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a damaged library below SQL, as SQLite's own {@code .recover} does: every table leaf page is
 * read cell by cell, wherever it sits, so a task's row is found even when the pages that lead to it
 * (the tree above it, the file's header, the second half of the file) are gone. Each row that starts
 * with a task id and holds a saved answer gives that answer back; and every task id anywhere in the
 * bytes (rows, indexes, the search tables, old pages, the {@code -wal}) is reported, so the service
 * can be asked about the tasks whose rows did not survive.
 */
final class RawScan {

    private static final Logger LOG = LoggerFactory.getLogger(RawScan.class);
    private static final int TABLE_LEAF = 0x0D;
    /** The WAL's own header, and each frame's, before the page it carries. */
    private static final int WAL_HEADER = 32;

    private static final int WAL_FRAME_HEADER = 24;

    /**
     * What the bytes still hold.
     *
     * @param ids     every task id seen anywhere
     * @param answers the service's saved answers found in task rows, by task (several when old copies of a row survive)
     */
    record Result(Set<TaskId> ids, Map<TaskId, List<String>> answers, Map<TaskId, Salvaged.Words> words) {}

    private RawScan() {}

    /** Scans a library file and, if there is one, the {@code -wal} beside it. Missing files are skipped. */
    static Result scan(Path db, Path wal) {
        Set<TaskId> ids = new LinkedHashSet<>();
        Map<TaskId, List<String>> answers = new LinkedHashMap<>();
        Map<TaskId, Salvaged.Words> words = new LinkedHashMap<>();
        for (Path file : new Path[] {db, wal}) {
            if (file == null || !Files.isRegularFile(file)) {
                continue;
            }
            try {
                byte[] bytes = Files.readAllBytes(file);
                ids.addAll(TaskId.extractAll(new String(bytes, StandardCharsets.ISO_8859_1)));
                boolean isWal = file.equals(wal);
                int pageSize = isWal ? walPageSize(bytes) : pageSize(bytes);
                int start = isWal ? WAL_HEADER + WAL_FRAME_HEADER : 0;
                int stride = isWal ? pageSize + WAL_FRAME_HEADER : pageSize;
                for (int at = start; at + pageSize <= bytes.length; at += stride) {
                    readLeaf(bytes, at, at == 0 && !isWal ? 100 : 0, pageSize, answers, words);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("The bytes of {} could not all be read: {}", file, e.toString());
            }
        }
        return new Result(ids, answers, words);
    }

    /** The page size the header names, or SQLite's default when the header is damaged. */
    private static int pageSize(byte[] b) {
        if (b.length >= 100 && new String(b, 0, 15, StandardCharsets.ISO_8859_1).equals("SQLite format 3")) {
            int n = ((b[16] & 0xff) << 8) | (b[17] & 0xff);
            int size = n == 1 ? 65536 : n;
            if (size >= 512 && Integer.bitCount(size) == 1) {
                return size;
            }
        }
        return 4096;
    }

    private static int walPageSize(byte[] b) {
        int size = b.length >= 12
                ? ((b[8] & 0xff) << 24) | ((b[9] & 0xff) << 16) | ((b[10] & 0xff) << 8) | (b[11] & 0xff)
                : 0;
        return size >= 512 && Integer.bitCount(size) == 1 ? size : 4096;
    }

    private static void readLeaf(
            byte[] b,
            int page,
            int headerAt,
            int pageSize,
            Map<TaskId, List<String>> answers,
            Map<TaskId, Salvaged.Words> words) {
        int h = page + headerAt;
        if ((b[h] & 0xff) != TABLE_LEAF) {
            return;
        }
        int cells = u16(b, h + 3);
        for (int i = 0; i < cells && h + 8 + 2 * i + 1 < page + pageSize; i++) {
            int cell = page + u16(b, h + 8 + 2 * i);
            if (cell <= h || cell >= page + pageSize) {
                continue;
            }
            try {
                readCell(b, cell, page, pageSize, answers, words);
            } catch (RuntimeException damaged) {
                // One damaged cell does not end the page.
            }
        }
    }

    private static void readCell(
            byte[] b,
            int cell,
            int page,
            int pageSize,
            Map<TaskId, List<String>> answers,
            Map<TaskId, Salvaged.Words> words) {
        long[] v = new long[2];
        int at = varint(b, cell, v);
        long payload = v[0];
        at = varint(b, at, v); // the rowid
        byte[] record = payload(b, at, payload, page, pageSize);
        List<Object> values = record(record);
        // The search index's own rows: (rowid, id, prompt, negative prompt, "model version").
        if (values.size() == 5
                && values.get(0) == null
                && values.get(1) instanceof String id
                && TaskId.isValid(id)
                && values.get(2) instanceof String prompt
                && !prompt.isBlank()) {
            words.put(
                    TaskId.parse(id),
                    new Salvaged.Words(
                            prompt,
                            values.get(3) instanceof String n ? n : null,
                            values.get(4) instanceof String m ? m : null));
            return;
        }
        if (values.isEmpty() || !(values.get(0) instanceof String id) || !TaskId.isValid(id)) {
            return;
        }
        TaskId taskId = TaskId.parse(id);
        for (Object value : values.subList(1, values.size())) {
            String answer = value instanceof byte[] packed && packed.length > 0
                    ? inflate(packed)
                    : value instanceof String text && text.startsWith("{\"Response\"") ? text : null;
            if (answer != null && answer.contains(id)) {
                answers.computeIfAbsent(taskId, k -> new ArrayList<>()).add(answer);
            }
        }
    }

    /** The cell's payload: what the page holds, followed along the overflow chain when the row is larger than a page allows. */
    private static byte[] payload(byte[] b, int at, long size, int page, int pageSize) {
        if (size < 0 || size > 64L * 1024 * 1024) {
            throw new IllegalStateException("not a row");
        }
        int usable = pageSize;
        int maxLocal = usable - 35;
        int local;
        if (size <= maxLocal) {
            local = (int) size;
        } else {
            int min = ((usable - 12) * 32 / 255) - 23;
            int k = (int) (min + ((size - min) % (usable - 4)));
            local = k <= maxLocal ? k : min;
        }
        byte[] out = new byte[(int) size];
        System.arraycopy(b, at, out, 0, local);
        int done = local;
        long next = local < size ? u32(b, at + local) : 0;
        int hops = 0;
        while (done < size && next > 0 && hops++ < 20_000) {
            long offset = (next - 1) * pageSize;
            if (offset + pageSize > b.length) {
                throw new IllegalStateException("overflow page beyond the file");
            }
            int o = (int) offset;
            int n = (int) Math.min(usable - 4, size - done);
            System.arraycopy(b, o + 4, out, done, n);
            done += n;
            next = u32(b, o);
        }
        if (done < size) {
            throw new IllegalStateException("overflow chain broken");
        }
        return out;
    }

    /** A record's values: null, Long, Double, String or byte[]. */
    private static List<Object> record(byte[] r) {
        long[] v = new long[2];
        int headerEnd = varint(r, 0, v);
        int headerSize = (int) v[0];
        if (headerSize < 1 || headerSize > r.length) {
            return List.of();
        }
        List<Long> types = new ArrayList<>();
        int at = headerEnd;
        while (at < headerSize) {
            at = varint(r, at, v);
            types.add(v[0]);
        }
        List<Object> values = new ArrayList<>(types.size());
        int data = headerSize;
        for (long t : types) {
            int len = length(t);
            if (data + len > r.length) {
                break;
            }
            values.add(
                    t >= 13 && t % 2 == 1
                            ? new String(r, data, len, StandardCharsets.UTF_8)
                            : t >= 12
                                    ? Arrays.copyOfRange(r, data, data + len)
                                    : t == 0 ? null : (Object) Long.valueOf(0));
            data += len;
        }
        return values;
    }

    private static int length(long serialType) {
        if (serialType >= 12) {
            return (int) ((serialType - (serialType % 2 == 0 ? 12 : 13)) / 2);
        }
        return switch ((int) serialType) {
            case 1 -> 1;
            case 2 -> 2;
            case 3 -> 3;
            case 4 -> 4;
            case 5 -> 6;
            case 6, 7 -> 8;
            default -> 0;
        };
    }

    private static String inflate(byte[] packed) {
        try {
            return RawText.unpack(packed);
        } catch (SQLException | RuntimeException notAnAnswer) {
            return null;
        }
    }

    /** SQLite's varint: 1 to 9 bytes, big-endian, seven bits a byte (all eight in the ninth). Sets {@code out[0]}; returns the next offset. */
    private static int varint(byte[] b, int at, long[] out) {
        long value = 0;
        for (int i = 0; i < 9; i++) {
            int x = b[at + i] & 0xff;
            if (i == 8) {
                out[0] = (value << 8) | x;
                return at + 9;
            }
            value = (value << 7) | (x & 0x7f);
            if ((x & 0x80) == 0) {
                out[0] = value;
                return at + i + 1;
            }
        }
        out[0] = value;
        return at + 9;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24)
                | ((b[at + 1] & 0xff) << 16)
                | ((b[at + 2] & 0xff) << 8)
                | (b[at + 3] & 0xff);
    }
}
