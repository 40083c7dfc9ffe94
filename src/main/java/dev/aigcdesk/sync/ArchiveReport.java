package dev.aigcdesk.sync;

import java.util.List;

/** What one archive round did. {@code lost} lists files that expired before they could be saved. */
public record ArchiveReport(int archived, int waiting, List<String> lost, List<String> failed) {

    public static final ArchiveReport NOTHING = new ArchiveReport(0, 0, List.of(), List.of());
}
