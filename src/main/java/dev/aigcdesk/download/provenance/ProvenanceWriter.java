package dev.aigcdesk.download.provenance;

import dev.aigcdesk.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Records provenance with a saved file: inside PNG and JPEG files, in a {@code <file>.json}
 * sidecar for everything else, and for any file already signed (C2PA) or labelled, whose bytes
 * are then left exactly as they were.
 */
public final class ProvenanceWriter {

    /** Files larger than this keep their provenance in a sidecar rather than being rewritten in memory. */
    private static final long MAX_EMBED_BYTES = 64L * 1024 * 1024;

    public ProvenanceResult write(Path file, String type, Provenance p, boolean bytesOnly) throws IOException {
        String t = type == null ? "" : type;
        if (bytesOnly) {
            return sidecar(file, p, "the image is too large to handle safely; provenance is in the sidecar");
        }
        if (!(t.equals("png") || t.equals("jpg") || t.equals("jpeg")) || Files.size(file) > MAX_EMBED_BYTES) {
            return sidecar(file, p, null);
        }
        byte[] original = Files.readAllBytes(file);
        byte[] updated;
        try {
            updated = t.equals("png") ? PngProvenance.embed(original, p) : JpegProvenance.embed(original, p);
        } catch (SignedFileException e) {
            return sidecar(file, p, "left untouched because " + e.getMessage());
        } catch (IOException e) {
            // Not the image its link promised (or damaged): keep the bytes exactly as served.
            return sidecar(
                    file,
                    p,
                    "left untouched because it is not a readable " + t.toUpperCase(Locale.ROOT) + ": "
                            + e.getMessage());
        }
        Path tmp = file.resolveSibling("." + file.getFileName() + ".prov");
        Files.write(tmp, updated);
        AtomicFiles.replace(tmp, file);
        return new ProvenanceResult(file, null, null);
    }

    /** The sidecar's path for a file. */
    public static Path sidecarOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".json");
    }

    private static ProvenanceResult sidecar(Path file, Provenance p, String note) throws IOException {
        Path side = sidecarOf(file);
        Path tmp = side.resolveSibling("." + side.getFileName() + ".tmp");
        Files.writeString(tmp, p.taskJson() + "\n", StandardCharsets.UTF_8);
        AtomicFiles.replace(tmp, side);
        return new ProvenanceResult(file, side, note);
    }
}
