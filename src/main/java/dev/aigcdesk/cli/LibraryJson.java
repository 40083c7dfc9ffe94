package dev.aigcdesk.cli;

import dev.aigcdesk.api.TaskJson;
import dev.aigcdesk.domain.Catalog;
import dev.aigcdesk.domain.Palette;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.TaskRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A task with what the library knows of it (added, reach, archived copies), as plain values for JSON. */
final class LibraryJson {

    private LibraryJson() {}

    static Map<String, Object> of(TaskJson json, TaskRecord r) {
        Map<String, Object> m = json.summary(r.task());
        m.put("addedAt", r.addedAt().toString());
        m.put("refreshedAt", r.refreshedAt() == null ? null : r.refreshedAt().toString());
        m.put("reach", r.reach().name().toLowerCase(Locale.ROOT));
        m.put("lastError", Catalog.english().problem(r.lastError()));
        m.put("stars", r.curation().stars());
        m.put("tags", r.curation().tags());
        m.put("collections", r.curation().collections());
        // Who did what, in a team library (null in one's own).
        m.put("addedBy", r.authors().addedBy());
        Map<String, Object> curatedBy = new LinkedHashMap<>();
        if (r.authors().starsBy() != null) {
            Map<String, Object> stars = new LinkedHashMap<>();
            stars.put("by", r.authors().starsBy());
            stars.put("at", String.valueOf(r.authors().starsAt()));
            curatedBy.put("stars", stars);
        }
        curatedBy.put("tags", new TreeMap<>(r.authors().tags()));
        curatedBy.put("collections", new TreeMap<>(r.authors().collections()));
        m.put("curatedBy", curatedBy);
        List<Object> files = new ArrayList<>();
        for (FileRecord f : r.files()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("index", f.index());
            fm.put("url", f.file().url());
            fm.put(
                    "expireTime",
                    f.file().expireTime() == null ? null : f.file().expireTime().toString());
            fm.put("type", f.file().type());
            fm.put("archive", f.state().name().toLowerCase(Locale.ROOT));
            fm.put("localPath", f.localPath() == null ? null : f.localPath().toString());
            fm.put("size", f.localSize());
            fm.put("sha256", f.sha256Final());
            fm.put("sha256Downloaded", f.sha256Download());
            fm.put("flags", List.copyOf(f.flags()));
            fm.put("error", Catalog.english().problem(f.lastError()));
            fm.put("palette", palette(f.palette()));
            files.add(fm);
        }
        m.put("archive", files);
        // The task's colours: its first picture's that was looked at.
        m.put(
                "palette",
                palette(r.files().stream()
                        .map(FileRecord::palette)
                        .filter(p -> !p.isEmpty())
                        .findFirst()
                        .orElse(Palette.NONE)));
        return m;
    }

    /** [{"hex": "#1E90FF", "share": 0.31}, …] */
    static List<Object> palette(Palette p) {
        List<Object> out = new ArrayList<>();
        for (Palette.Swatch s : p.swatches()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("hex", s.hex());
            sm.put("share", Math.round(s.share() * 1000) / 1000.0);
            out.add(sm);
        }
        return out;
    }
}
