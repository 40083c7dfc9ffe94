package dev.aigcdesk.download.provenance;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A video's length read from its own MP4/MOV header (the movie header box, {@code moov/mvhd}): the
 * service's metadata says what was asked for, the file says what was made. Only box headers are read;
 * the media data is skipped, however large.
 */
public record VideoHeader(double seconds) {

    /** A movie header larger than this is not a header: the file is refused rather than read into memory. */
    private static final long MAX_MOOV = 64L << 20;

    public static Optional<VideoHeader> read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long moov = find(ch, 0, ch.size(), "moov");
            if (moov < 0) {
                return Optional.empty();
            }
            long[] box = boxAt(ch, moov, ch.size());
            long mvhd = find(ch, moov + box[1], moov + box[0], "mvhd");
            if (mvhd < 0) {
                return Optional.empty();
            }
            long[] header = boxAt(ch, mvhd, moov + box[0]);
            ByteBuffer b = ByteBuffer.allocate(32);
            ch.read(b, mvhd + header[1]);
            b.flip();
            if (b.remaining() < 20) {
                return Optional.empty();
            }
            int version = b.get() & 0xff;
            b.position(4);
            long timescale;
            long duration;
            if (version == 1) {
                if (b.remaining() < 28) {
                    return Optional.empty();
                }
                b.position(4 + 16);
                timescale = b.getInt() & 0xffffffffL;
                duration = b.getLong();
            } else {
                b.position(4 + 8);
                timescale = b.getInt() & 0xffffffffL;
                duration = b.getInt() & 0xffffffffL;
            }
            if (timescale == 0 || duration <= 0 || duration == 0xffffffffL) {
                return Optional.empty();
            }
            return Optional.of(new VideoHeader((double) duration / timescale));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The offset of the first box of {@code type} between {@code from} and {@code to}, or -1. */
    private static long find(FileChannel ch, long from, long to, String type) throws IOException {
        long at = from;
        while (at + 8 <= to) {
            long[] box = boxAt(ch, at, to);
            if (box == null) {
                return -1;
            }
            if (box[2] == fourCc(type)) {
                return box[0] > MAX_MOOV && type.equals("moov") ? -1 : at;
            }
            at += box[0];
        }
        return -1;
    }

    /** {size, header length, type} of the box at {@code at}, or null when it does not fit before {@code end}. */
    private static long[] boxAt(FileChannel ch, long at, long end) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16);
        ch.read(b, at);
        b.flip();
        if (b.remaining() < 8) {
            return null;
        }
        long size = b.getInt() & 0xffffffffL;
        long type = b.getInt() & 0xffffffffL;
        int header = 8;
        if (size == 1) {
            if (b.remaining() < 8) {
                return null;
            }
            size = b.getLong();
            header = 16;
        } else if (size == 0) {
            size = end - at;
        }
        if (size < header || at + size > end) {
            return null;
        }
        return new long[] {size, header, type};
    }

    private static long fourCc(String s) {
        return ((long) s.charAt(0) << 24) | (s.charAt(1) << 16) | (s.charAt(2) << 8) | s.charAt(3);
    }
}
