package dev.aigcdesk.domain;

import java.util.Optional;

/**
 * Why a task could not be asked about or a file could not be saved, kept in the library as a code and
 * a language-neutral detail (a host, a status, the service's own words), so the window says it in its
 * language and the command line in English ({@link Catalog#problem}).
 *
 * @param key    what happened, e.g. {@code query.network}, {@code download.transfer}
 * @param detail the particulars, shown as they are ("" for none)
 */
public record Problem(String key, String detail) {

    private static final String PREFIX = "problem:";
    private static final char SEPARATOR = '\u001f';
    /** Between the particulars of a problem that has more than one ({0}, {1}, … in its words). */
    static final char PART = '\u001e';

    public Problem {
        detail = detail == null ? "" : detail;
    }

    /** A problem with several particulars, each its own placeholder in the words. */
    public static Problem of(String key, String... parts) {
        return new Problem(key, String.join(String.valueOf(PART), parts));
    }

    /** The particulars, one per placeholder. */
    public String[] parts() {
        return detail.split(String.valueOf(PART), -1);
    }

    /** How it is stored. */
    public String encode() {
        return PREFIX + key + SEPARATOR + detail;
    }

    /** A stored problem; empty for text written before problems had codes (it is then shown as it is). */
    public static Optional<Problem> decode(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int sep = stored.indexOf(SEPARATOR, PREFIX.length());
        return sep < 0
                ? Optional.of(new Problem(stored.substring(PREFIX.length()), ""))
                : Optional.of(new Problem(stored.substring(PREFIX.length(), sep), stored.substring(sep + 1)));
    }
}
