package dev.aigcdesk.cli;

import dev.aigcdesk.domain.Catalog;
import dev.aigcdesk.domain.Expiry;
import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.OutputFile;
import dev.aigcdesk.domain.TaskState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A task as a few readable lines for the terminal. */
final class TaskText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final Clock clock;
    private final ZoneId zone;

    TaskText(Clock clock) {
        this.clock = clock;
        this.zone = clock.getZone();
    }

    String render(GenerationTask t) {
        StringBuilder sb = new StringBuilder();
        sb.append(t.id()).append('\n');
        String kind = switch (t.kind()) {
            case IMAGE -> "Image";
            case VIDEO -> "Video";
            case OTHER -> "Other task";
        };
        sb.append("  ").append(kind);
        if (!t.modelLabel().isEmpty()) {
            sb.append(" · ").append(t.modelLabel());
        }
        sb.append(" · ").append(stateLabel(t)).append('\n');
        if (t.prompt() != null) {
            sb.append("  Prompt:   ")
                    .append(t.prompt().strip().replace("\n", "\n            "))
                    .append('\n');
        }
        if (t.negativePrompt() != null) {
            sb.append("  Negative: ").append(t.negativePrompt()).append('\n');
        }
        if (t.times().created() != null) {
            sb.append("  Created:  ").append(format(t.times().created()));
            t.times()
                    .took()
                    .filter(d -> t.times().finished() != null)
                    .ifPresent(
                            d -> sb.append(" · took ").append(Catalog.english().compactDuration(d)));
            sb.append('\n');
        }
        t.failureInfo().ifPresent(f -> {
            sb.append("  Error:    ").append(Catalog.english().failure(f)).append('\n');
            String raw = (f.code() != 0 ? f.code() + " " : "") + f.extCode();
            if (!raw.isBlank() || !f.message().isBlank()) {
                sb.append("            ")
                        .append((raw.strip() + " " + f.message()).strip())
                        .append('\n');
            }
        });
        int n = 1;
        for (OutputFile f : t.outputs()) {
            sb.append("  File ").append(n++).append(":   ").append(f.type().isEmpty() ? "file" : f.type());
            f.expiry()
                    .ifPresentOrElse(
                            e -> sb.append(" · ").append(Catalog.english().expiry(Expiry.of(e, clock))),
                            () -> sb.append(" · kept permanently"));
            sb.append('\n').append("            ").append(f.url()).append('\n');
        }
        if (t.requestId() != null) {
            sb.append("  Request:  ").append(t.requestId()).append('\n');
        }
        return sb.toString();
    }

    private static String stateLabel(GenerationTask t) {
        return switch (t.state()) {
                    case WAITING -> "Waiting in queue";
                    case RUNNING -> "Running " + t.progress() + "%";
                    case SUCCEEDED -> "Succeeded";
                    case FAILED -> "Failed";
                    case ABORTED -> "Aborted";
                    case UNKNOWN -> "Unknown state";
                }
                + (t.state() == TaskState.SUCCEEDED
                        ? " (" + t.outputs().size() + (t.outputs().size() == 1 ? " file)" : " files)")
                        : "");
    }

    private String format(Instant i) {
        return WHEN.format(i.atZone(zone))
                + (zone.getId().equals("Z") || zone.getId().equals("UTC") ? " UTC" : "");
    }
}
