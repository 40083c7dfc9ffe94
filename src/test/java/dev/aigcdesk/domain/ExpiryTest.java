package dev.aigcdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ExpiryTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-05-20T12:00:00Z"), ZoneOffset.UTC);

    private Expiry in(Duration d) {
        return Expiry.of(clock.instant().plus(d), clock);
    }

    @Test
    void describesTimeLeftInWords() {
        assertThat(Catalog.english().expiry(in(Duration.ofDays(2).plusHours(3))))
                .isEqualTo("Expires in 2 days");
        assertThat(Catalog.english().expiry(in(Duration.ofHours(5)))).isEqualTo("Expires in 5 hours");
        assertThat(Catalog.english().expiry(in(Duration.ofMinutes(1)))).isEqualTo("Expires in 1 minute");
        assertThat(Catalog.english().expiry(in(Duration.ofDays(-3)))).isEqualTo("Expired 3 days ago");
    }

    @Test
    void urgencyIsAmberUnderADayAndRedUnderTwoHours() {
        assertThat(in(Duration.ofDays(3)).urgency()).isEqualTo(Expiry.Urgency.SAFE);
        assertThat(in(Duration.ofHours(23)).urgency()).isEqualTo(Expiry.Urgency.SOON);
        assertThat(in(Duration.ofMinutes(119)).urgency()).isEqualTo(Expiry.Urgency.CRITICAL);
        assertThat(in(Duration.ZERO).urgency()).isEqualTo(Expiry.Urgency.EXPIRED);
    }

    @Test
    void timesTakenReadCompactly() {
        TaskTimes t = new TaskTimes(
                Instant.parse("2026-05-20T09:14:02Z"),
                Instant.parse("2026-05-20T09:14:05Z"),
                Instant.parse("2026-05-20T09:14:19Z"));
        assertThat(Catalog.english().compactDuration(t.queued().orElseThrow())).isEqualTo("3 s");
        assertThat(Catalog.english().compactDuration(t.took().orElseThrow())).isEqualTo("14 s");
        assertThat(Catalog.english().compactDuration(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
        assertThat(new TaskTimes(null, null, null).took()).isEmpty();
    }

    @Test
    void failureMessagesAreInPlainWords() {
        assertThat(Catalog.english().failure(new TaskFailure(70000, "InvalidParameter.ViolationContent", "")))
                .contains("content moderation");
        assertThat(
                        Catalog.english()
                                .failure(
                                        new TaskFailure(
                                                70000,
                                                "InternalError",
                                                "task failed with status: FAIL, message: ... may be related to copyright restrictions")))
                .contains("copyright");
        assertThat(Catalog.english().failure(new TaskFailure(70000, "", "task time out.")))
                .contains("timed out");
        assertThat(Catalog.english().failure(new TaskFailure(40000, null, null)))
                .as("the window's words, now the command line's too")
                .contains("setting");
    }
}
