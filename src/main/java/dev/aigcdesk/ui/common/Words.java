package dev.aigcdesk.ui.common;

import dev.aigcdesk.domain.Expiry;
import dev.aigcdesk.domain.Standing;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.domain.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Times, states and expiry in words a designer reads at a glance, in the window's language. */
public final class Words {

    private final I18n i18n;
    private final DateTimeFormatter dateTime;
    private final ZoneId zone;

    public Words(I18n i18n, ZoneId zone) {
        this.i18n = i18n;
        this.zone = zone;
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(i18n.locale());
    }

    public I18n i18n() {
        return i18n;
    }

    public String state(TaskState s) {
        return i18n.get("state." + s.wireName());
    }

    public String standing(Standing s) {
        return i18n.get("standing." + s.key());
    }

    public String kind(TaskKind k) {
        return i18n.get("kind." + k.wireName());
    }

    /** "2 days", "5 hours", "3 minutes", "14 s". */
    public String duration(Duration d) {
        return i18n.catalog().duration(d);
    }

    /** "Expires in 2 days" or "Expired 3 hours ago". */
    public String expiry(Expiry e) {
        return i18n.catalog().expiry(e);
    }

    public String dateTime(Instant i) {
        return i == null ? i18n.get("time.none") : dateTime.format(i.atZone(zone));
    }

    /** "3 minutes ago", for the last refresh. */
    public String ago(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        return d.getSeconds() < 5 ? i18n.get("time.justNow") : i18n.get("time.ago", duration(d));
    }

    /** The day a group of tasks belongs to, as a header says it: "Today", "Yesterday", "Sat 28 Nov", "28 Nov 2025". */
    public String day(Instant when, Instant now) {
        if (when == null) {
            return i18n.get("day.undated");
        }
        LocalDate d = when.atZone(zone).toLocalDate();
        LocalDate today = now.atZone(zone).toLocalDate();
        if (d.equals(today)) {
            return i18n.get("day.today");
        }
        if (d.equals(today.minusDays(1))) {
            return i18n.get("day.yesterday");
        }
        String pattern =
                d.getYear() == today.getYear() ? i18n.get("day.pattern.thisYear") : i18n.get("day.pattern.older");
        return DateTimeFormatter.ofPattern(pattern, i18n.locale()).format(d);
    }

    /** Whether two moments fall on the same calendar day here (two undated ones do too). */
    public boolean sameDay(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.atZone(zone).toLocalDate().equals(b.atZone(zone).toLocalDate());
    }

    /** A problem the library keeps (a failed query or download), in the window's language. */
    public String problem(String stored) {
        return i18n.catalog().problem(stored);
    }
}
