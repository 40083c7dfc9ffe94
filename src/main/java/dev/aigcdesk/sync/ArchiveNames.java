package dev.aigcdesk.sync;

import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.download.FileNames;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Readable archive names: {@code 2026-05/20260520-0914-a-red-panda-reading-4a52bd3f-1.png}. */
final class ArchiveNames {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT);
    private static final int SLUG_LENGTH = 40;

    private ArchiveNames() {
    }

    static String folder(GenerationTask task, Instant fallback, ZoneId zone) {
        return MONTH.format(when(task, fallback).atZone(zone));
    }

    static String file(GenerationTask task, int n, String type, Instant fallback, ZoneId zone) {
        String stamp = STAMP.format(when(task, fallback).atZone(zone));
        String slug = FileNames.slug(task.prompt(), SLUG_LENGTH);
        return FileNames.sanitize(stamp + "-" + slug + "-" + task.id().shortId() + "-" + n + "." + FileNames.extension(type));
    }

    private static Instant when(GenerationTask task, Instant fallback) {
        return task.times().created() != null ? task.times().created() : fallback;
    }
}
