package dev.aigcdesk.domain;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The app's one catalog of words ({@code messages*.properties}, English and Simplified Chinese): the
 * window says everything in its language through it, and the command line says the same things in
 * English, so a sentence is written once and never drifts between the two.
 */
public final class Catalog {

    private static final String BUNDLE = "dev.aigcdesk.domain.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    public Catalog(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The command line's words. */
    public static Catalog english() {
        return new Catalog(Locale.ENGLISH);
    }

    public Locale locale() {
        return locale;
    }

    /** The words for {@code key} with its placeholders filled; the key itself when there are none. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** "2 days", "5 hours", "3 minutes", "14 s". */
    public String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return get("duration.seconds", s);
        }
        if (s < 3600) {
            return get("duration.minutes", s / 60);
        }
        if (s < 48 * 3600) {
            return get("duration.hours", s / 3600);
        }
        return get("duration.days", s / 86400);
    }

    /** "14 s", "2 min 5 s", "1 h 3 min": short, for waits and run times. */
    public String compactDuration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return get("duration.compact.s", s);
        }
        if (s < 3600) {
            return s % 60 == 0 ? get("duration.compact.m", s / 60) : get("duration.compact.ms", s / 60, s % 60);
        }
        long minutes = (s % 3600) / 60;
        return minutes == 0 ? get("duration.compact.h", s / 3600) : get("duration.compact.hm", s / 3600, minutes);
    }

    /** "Expires in 2 days" or "Expired 3 hours ago". */
    public String expiry(Expiry e) {
        return e.isExpired()
                ? get("expiry.past", duration(e.left().negated()))
                : get("expiry.future", duration(e.left()));
    }

    /** A task's failure in plain words (its raw code and message stay available beside them). */
    public String failure(TaskFailure f) {
        return get("failure." + f.reason().key());
    }

    /** A problem the library keeps (a failed query or download); older free text, or an unknown code, comes back as it is. */
    public String problem(String stored) {
        if (stored == null) {
            return null;
        }
        return Problem.decode(stored)
                .map(p -> has(p.key())
                        ? get(p.key(), (Object[]) p.parts())
                        : p.detail().isEmpty() ? p.key() : String.join(", ", p.parts()))
                .orElse(stored);
    }
}
