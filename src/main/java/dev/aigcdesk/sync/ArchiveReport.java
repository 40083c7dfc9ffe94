package dev.aigcdesk.sync;

import java.util.List;

/**
 * What one archive round did.
 *
 * @param lost    files whose link died before they could be saved
 * @param blocked why nothing could be written to the archive (missing, read-only, disk full), or null
 */
public record ArchiveReport(int archived, int waiting, List<String> lost, List<String> failed, String blocked) {

    public static final ArchiveReport NOTHING = new ArchiveReport(0, 0, List.of(), List.of(), null);

    public boolean isBlocked() {
        return blocked != null;
    }
}
