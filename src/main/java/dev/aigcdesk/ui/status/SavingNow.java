package dev.aigcdesk.ui.status;

/**
 * The downloads under way, summed: the status bar's "Saving 1 file · 45%".
 *
 * @param files how many files are downloading now
 * @param done  bytes received so far
 * @param total bytes expected, or 0 when a server did not say (then only what came is shown)
 */
public record SavingNow(int files, long done, long total) {

    public static final SavingNow NONE = new SavingNow(0, 0, 0);

    /** Whole per cent received, or -1 when the size is not known. */
    public int percent() {
        return total > 0 ? (int) Math.min(100, done * 100 / total) : -1;
    }

    /** Megabytes received, for a download of unknown size. */
    public long megabytes() {
        return done / 1_000_000;
    }
}
