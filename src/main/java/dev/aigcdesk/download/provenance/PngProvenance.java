package dev.aigcdesk.download.provenance;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Adds text chunks to a PNG without touching its pixels: {@code parameters} (tEXt when the text
 * is Latin-1, as PNG requires, else iTXt), the task JSON (iTXt) and XMP (iTXt
 * {@code XML:com.adobe.xmp}), all before the first image data chunk.
 */
final class PngProvenance {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    static final String TASK_KEYWORD = "aigc-desk:task";

    private PngProvenance() {}

    static byte[] embed(byte[] png, Provenance p) throws IOException, SignedFileException {
        if (png.length < 8 || !Arrays.equals(Arrays.copyOf(png, 8), SIGNATURE)) {
            throw new IOException("Not a PNG file");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + 4096);
        out.write(SIGNATURE);
        boolean inserted = false;
        int pos = 8;
        while (pos + 12 <= png.length) {
            int length = ByteBuffer.wrap(png, pos, 4).getInt();
            if (length < 0 || pos + 12L + length > png.length) {
                throw new IOException("The PNG is truncated or damaged");
            }
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("caBX")) {
                throw new SignedFileException("it carries a C2PA manifest");
            }
            if (type.equals("iTXt") && keyword(png, pos + 8, length).equals("XML:com.adobe.xmp")) {
                String xmp = new String(png, pos + 8, length, StandardCharsets.UTF_8);
                throw new SignedFileException(
                        XmpPacket.hasAigcLabel(xmp) ? "it already carries an AIGC label" : "it already carries XMP");
            }
            if (!inserted && (type.equals("IDAT") || type.equals("IEND"))) {
                writeText(out, "parameters", p.parametersText());
                writeItxt(out, TASK_KEYWORD, p.taskJson());
                writeItxt(out, "XML:com.adobe.xmp", XmpPacket.build(p, false)); // the task itself is in its own chunk
                inserted = true;
            }
            out.write(png, pos, 12 + length);
            pos += 12 + length;
            if (type.equals("IEND")) {
                break;
            }
        }
        if (!inserted) {
            throw new IOException("The PNG has no image data");
        }
        return out.toByteArray();
    }

    /** The task JSON this app embedded in a PNG, if it is there (read back by {@code repair}). */
    static Optional<String> readTaskJson(byte[] png) {
        return readItxt(png, TASK_KEYWORD);
    }

    /** The PNG's XMP packet, if it has one. */
    static Optional<String> readXmp(byte[] png) {
        return readItxt(png, "XML:com.adobe.xmp");
    }

    /** The text of the first uncompressed iTXt chunk with this keyword before the image data. */
    private static Optional<String> readItxt(byte[] png, String wanted) {
        if (png.length < 8 || !Arrays.equals(Arrays.copyOf(png, 8), SIGNATURE)) {
            return Optional.empty();
        }
        int pos = 8;
        while (pos + 12 <= png.length) {
            int length = ByteBuffer.wrap(png, pos, 4).getInt();
            if (length < 0 || pos + 12L + length > png.length) {
                break;
            }
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("iTXt") && keyword(png, pos + 8, length).equals(wanted)) {
                // keyword NUL, compression flag, method, language NUL, translated keyword NUL, then the text
                int text = pos + 8 + wanted.length() + 3;
                int zeros = 0;
                while (text < pos + 8 + length && zeros < 2) {
                    if (png[text++] == 0) {
                        zeros++;
                    }
                }
                return Optional.of(new String(png, text, pos + 8 + length - text, StandardCharsets.UTF_8));
            }
            if (type.equals("IDAT") || type.equals("IEND")) {
                break;
            }
            pos += 12 + length;
        }
        return Optional.empty();
    }

    private static String keyword(byte[] png, int dataStart, int length) {
        int end = dataStart;
        while (end < dataStart + length && end < dataStart + 80 && png[end] != 0) {
            end++;
        }
        return new String(png, dataStart, end - dataStart, StandardCharsets.ISO_8859_1);
    }

    private static void writeText(ByteArrayOutputStream out, String keyword, String text) throws IOException {
        if (StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            data.write(keyword.getBytes(StandardCharsets.ISO_8859_1));
            data.write(0);
            data.write(text.getBytes(StandardCharsets.ISO_8859_1));
            writeChunk(out, "tEXt", data.toByteArray());
        } else {
            writeItxt(out, keyword, text);
        }
    }

    private static void writeItxt(ByteArrayOutputStream out, String keyword, String text) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write(keyword.getBytes(StandardCharsets.ISO_8859_1));
        data.write(new byte[] {0, 0, 0}); // keyword end, not compressed, method 0
        data.write(0); // no language tag
        data.write(0); // no translated keyword
        data.write(text.getBytes(StandardCharsets.UTF_8));
        writeChunk(out, "iTXt", data.toByteArray());
    }

    private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        d.writeInt(data.length);
        d.write(typeBytes);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
