package dev.aigcdesk.download.provenance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Adds an XMP APP1 segment to a JPEG after its leading JFIF/Exif segments, leaving the image data as it is. */
final class JpegProvenance {

    private static final String XMP_HEADER = "http://ns.adobe.com/xap/1.0/\0";
    private static final int MAX_SEGMENT = 65533;

    private JpegProvenance() {}

    /** The XMP packet of a JPEG (its first APP1 segment that holds XMP), if it has one. */
    static Optional<String> readXmp(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xFF || (jpeg[1] & 0xff) != 0xD8) {
            return Optional.empty();
        }
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xff) == 0xFF) {
            int marker = jpeg[pos + 1] & 0xff;
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            int length = ((jpeg[pos + 2] & 0xff) << 8) | (jpeg[pos + 3] & 0xff);
            if (length < 2 || pos + 2 + length > jpeg.length) {
                break;
            }
            int header = XMP_HEADER.length();
            if (marker == 0xE1
                    && length - 2 > header
                    && new String(jpeg, pos + 4, header, StandardCharsets.ISO_8859_1).equals(XMP_HEADER)) {
                return Optional.of(new String(jpeg, pos + 4 + header, length - 2 - header, StandardCharsets.UTF_8));
            }
            pos += 2 + length;
        }
        return Optional.empty();
    }

    static byte[] embed(byte[] jpeg, Provenance p) throws IOException, SignedFileException {
        if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xFF || (jpeg[1] & 0xff) != 0xD8) {
            throw new IOException("Not a JPEG file");
        }
        int insertAt = 2;
        int pos = 2;
        boolean leading = true;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xff) == 0xFF) {
            int marker = jpeg[pos + 1] & 0xff;
            if (marker == 0xDA || marker == 0xD9) {
                break; // start of scan: headers are over
            }
            int length = ((jpeg[pos + 2] & 0xff) << 8) | (jpeg[pos + 3] & 0xff);
            if (length < 2 || pos + 2 + length > jpeg.length) {
                throw new IOException("The JPEG is truncated or damaged");
            }
            String payload = new String(jpeg, pos + 4, Math.min(length - 2, 64), StandardCharsets.ISO_8859_1);
            if (marker == 0xEB && payload.startsWith("JP")) {
                throw new SignedFileException("it carries a C2PA manifest (JUMBF)");
            }
            if (marker == 0xE1 && payload.startsWith("http://ns.adobe.com/xap/1.0/")) {
                String xmp = new String(jpeg, pos + 4, length - 2, StandardCharsets.UTF_8);
                throw new SignedFileException(
                        XmpPacket.hasAigcLabel(xmp) ? "it already carries an AIGC label" : "it already carries XMP");
            }
            pos += 2 + length;
            if (leading && (marker == 0xE0 || marker == 0xE1)) {
                insertAt = pos;
            } else {
                leading = false;
            }
        }
        byte[] xmp = (XMP_HEADER + XmpPacket.build(p)).getBytes(StandardCharsets.UTF_8);
        if (xmp.length + 2 > MAX_SEGMENT) {
            // A task with a very long prompt: the label, prompt and id still fit without the whole task JSON.
            xmp = (XMP_HEADER + XmpPacket.build(p, false)).getBytes(StandardCharsets.UTF_8);
        }
        if (xmp.length + 2 > MAX_SEGMENT) {
            throw new SignedFileException("its XMP would exceed one JPEG segment");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + xmp.length + 4);
        out.write(jpeg, 0, insertAt);
        out.write(0xFF);
        out.write(0xE1);
        out.write(((xmp.length + 2) >> 8) & 0xff);
        out.write((xmp.length + 2) & 0xff);
        out.write(xmp);
        out.write(jpeg, insertAt, jpeg.length - insertAt);
        return out.toByteArray();
    }
}
