package dev.aigcdesk.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** When the demo's timeline began for one demo library, kept in a small file beside it. */
public final class DemoEpoch {

    public static final int PREFERRED_PORT = 8765;

    private DemoEpoch() {}

    /** The saved start, or {@code now} (saved) the first time. */
    public static Instant load(Path folder, Instant now) {
        Path file = folder.resolve("demo-epoch.txt");
        try {
            if (Files.isRegularFile(file)) {
                return Instant.parse(
                        Files.readString(file, StandardCharsets.US_ASCII).strip());
            }
            Files.createDirectories(folder);
            Files.writeString(file, now.toString(), StandardCharsets.US_ASCII);
        } catch (IOException | DateTimeParseException e) {
            return now;
        }
        return now;
    }
}
