package dev.aigcdesk.download;

import dev.aigcdesk.domain.GenerationTask;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The one naming rule for saved outputs (the archive, "Save as", {@code download}): {@code 2026-05/20260520-0914-a-red-panda-reading-4a52bd3f-1.png}. */
public final class ArchiveNames {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT);
    private static final int SLUG_LENGTH = 40;

    private ArchiveNames() {}

    public static String folder(GenerationTask task, Instant fallback, ZoneId zone) {
        return MONTH.format(when(task, fallback).atZone(zone));
    }

    public static String file(GenerationTask task, int n, String type, Instant fallback, ZoneId zone) {
        String stamp = STAMP.format(when(task, fallback).atZone(zone));
        String slug = FileNames.slug(task.prompt(), SLUG_LENGTH);
        return FileNames.sanitize(
                stamp + "-" + slug + "-" + task.id().shortId() + "-" + n + "." + FileNames.extension(type));
    }

    private static Instant when(GenerationTask task, Instant fallback) {
        return task.times().created() != null ? task.times().created() : fallback;
    }
}
