package dev.aigcdesk.download.provenance;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a saved file says about itself, read back: the task JSON this app put in it (PNG chunk, XMP or
 * sidecar), and the XMP a photo tool reads (task id, prompt, model, date, stars, tags, collections).
 * {@code repair} rebuilds a library from these when the library itself is damaged.
 *
 * @param taskJson the whole task as this app described it; null when the file carries only the XMP fields
 */
public record SavedProvenance(
        String taskJson,
        String taskId,
        String prompt,
        String model,
        Instant created,
        int rating,
        List<String> keywords,
        List<String> collections) {

    /** Files larger than this are not read whole (the app never embeds in them either). */
    private static final long MAX_READ_BYTES = 64L * 1024 * 1024;
    /** "AIGC Desk 0.3.0 (GEM 2.5)": the model is what the parentheses hold. */
    private static final Pattern MODEL = Pattern.compile("\\(([^()]+)\\)\\s*$");

    public SavedProvenance {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        collections = collections == null ? List.of() : List.copyOf(collections);
    }

    /** Whether the file says which task it came from. */
    public boolean namesTask() {
        return taskJson != null || taskId != null;
    }

    public static Optional<SavedProvenance> read(Path file) throws IOException {
        Path side = ProvenanceWriter.sidecarOf(file);
        if (Files.isRegularFile(side)) {
            return Optional.of(new SavedProvenance(
                    Files.readString(side, StandardCharsets.UTF_8).strip(),
                    null,
                    null,
                    null,
                    null,
                    0,
                    List.of(),
                    List.of()));
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = name.endsWith(".png");
        boolean jpeg = name.endsWith(".jpg") || name.endsWith(".jpeg");
        if (!(png || jpeg) || Files.size(file) > MAX_READ_BYTES) {
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(file);
        String json = png ? PngProvenance.readTaskJson(bytes).orElse(null) : null;
        Optional<String> xmp = png ? PngProvenance.readXmp(bytes) : JpegProvenance.readXmp(bytes);
        SavedProvenance fromXmp = xmp.flatMap(SavedProvenance::parseXmp).orElse(null);
        if (fromXmp == null) {
            return json == null
                    ? Optional.empty()
                    : Optional.of(new SavedProvenance(json, null, null, null, null, 0, List.of(), List.of()));
        }
        return Optional.of(
                json == null
                        ? fromXmp
                        : new SavedProvenance(
                                json,
                                fromXmp.taskId,
                                fromXmp.prompt,
                                fromXmp.model,
                                fromXmp.created,
                                fromXmp.rating,
                                fromXmp.keywords,
                                fromXmp.collections));
    }

    /** The fields of an XMP packet; empty when it is not XMP at all. Any packet is read, not only this app's. */
    static Optional<SavedProvenance> parseXmp(String packet) {
        try {
            XmpPacket.registerNamespaces();
            XMPMeta meta = XMPMetaFactory.parseFromString(packet);
            String id = meta.getPropertyString(XMPConst.NS_DC, "identifier");
            var description =
                    meta.getLocalizedText(XMPConst.NS_DC, "description", XMPConst.X_DEFAULT, XMPConst.X_DEFAULT);
            String tool = meta.getPropertyString(XMPConst.NS_XMP, "CreatorTool");
            Matcher m = tool == null ? null : MODEL.matcher(tool);
            Instant created = null;
            String date = meta.getPropertyString(XMPConst.NS_XMP, "CreateDate");
            if (date != null) {
                try {
                    created = Instant.parse(date);
                } catch (DateTimeParseException notIso) {
                    created = null;
                }
            }
            int rating = 0;
            String stars = meta.getPropertyString(XMPConst.NS_XMP, "Rating");
            if (stars != null && stars.strip().matches("[0-5]")) {
                rating = Integer.parseInt(stars.strip());
            }
            return Optional.of(new SavedProvenance(
                    meta.getPropertyString(XmpPacket.AIGC_DESK_NS, "Task"),
                    id,
                    description == null ? null : description.getValue(),
                    m != null && m.find() ? m.group(1).strip() : null,
                    created,
                    rating,
                    items(meta, XMPConst.NS_DC, "subject"),
                    items(meta, XmpPacket.AIGC_DESK_NS, "Collections")));
        } catch (XMPException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> items(XMPMeta meta, String ns, String array) throws XMPException {
        List<String> out = new ArrayList<>();
        int n = meta.doesPropertyExist(ns, array) ? meta.countArrayItems(ns, array) : 0;
        for (int i = 1; i <= n; i++) {
            var item = meta.getArrayItem(ns, array, i);
            if (item != null && item.getValue() != null && !item.getValue().isBlank()) {
                out.add(item.getValue());
            }
        }
        return out;
    }
}
