package dev.aigcdesk.domain;

import java.time.Duration;

/** Durations in the words people use: "2 days", "5 hours", "14 s". */
public final class Durations {

    private Durations() {
    }

    public static String humanize(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        long m = s / 60;
        if (m < 60) {
            return plural(m, "minute");
        }
        long h = m / 60;
        if (h < 48) {
            return plural(h, "hour");
        }
        return plural(h / 24, "day");
    }

    /** Compact form for timings: "14 s", "2 min 5 s", "1 h 3 min". */
    public static String compact(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        return (s / 3600) + " h" + ((s % 3600) / 60 == 0 ? "" : " " + (s % 3600) / 60 + " min");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
