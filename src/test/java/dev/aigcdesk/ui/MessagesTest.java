package dev.aigcdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.Expiry;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Words;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every word of the window exists in English and in Simplified Chinese, and reads right in both. */
class MessagesTest {

    @Test
    void bothLanguagesHaveEveryKey() throws Exception {
        Set<Object> en = load("messages.properties").keySet();
        Properties zh = load("messages_zh_CN.properties");
        assertThat(zh.keySet()).containsExactlyInAnyOrderElementsOf(en);
        assertThat(zh.getProperty("toolbar.add")).isEqualTo("添加任务");
        assertThat(ResourceBundle.getBundle("dev.aigcdesk.domain.messages", Locale.SIMPLIFIED_CHINESE)
                        .getLocale())
                .isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = MessagesTest.class.getResourceAsStream("/dev/aigcdesk/domain/" + name)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void expiryAndDurationsReadNaturally() {
        Clock clock = Clock.fixed(Instant.parse("2026-05-20T12:00:00Z"), ZoneOffset.UTC);
        Words en = new Words(new I18n(Locale.ENGLISH), ZoneOffset.UTC);
        Words zh = new Words(new I18n(Locale.SIMPLIFIED_CHINESE), ZoneOffset.UTC);
        Expiry twoDays = Expiry.of(clock.instant().plus(Duration.ofDays(2).plusHours(1)), clock);
        assertThat(en.expiry(twoDays)).isEqualTo("Expires in 2 days");
        assertThat(zh.expiry(twoDays)).isEqualTo("2 天后过期");
        assertThat(en.expiry(Expiry.of(clock.instant().plus(Duration.ofMinutes(1)), clock)))
                .isEqualTo("Expires in 1 minute");
        assertThat(en.expiry(Expiry.of(clock.instant().minus(Duration.ofHours(3)), clock)))
                .isEqualTo("Expired 3 hours ago");
        assertThat(zh.state(TaskState.RUNNING)).isEqualTo("生成中");
    }

    @Test
    void daysReadAsAHeaderWould() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        Words en = new Words(new I18n(Locale.ENGLISH), ZoneOffset.UTC);
        Words zh = new Words(new I18n(Locale.SIMPLIFIED_CHINESE), ZoneOffset.UTC);
        assertThat(en.day(now.minusSeconds(3600), now)).isEqualTo("Today");
        assertThat(en.day(now.minusSeconds(86_400), now)).isEqualTo("Yesterday");
        assertThat(en.day(Instant.parse("2026-11-28T12:00:00Z"), now)).isEqualTo("Sat 28 Nov");
        assertThat(en.day(Instant.parse("2025-11-28T12:00:00Z"), now)).isEqualTo("28 Nov 2025");
        assertThat(en.day(null, now)).isEqualTo("Not dated yet");
        assertThat(zh.day(now, now)).isEqualTo("今天");
        assertThat(zh.day(Instant.parse("2026-11-28T12:00:00Z"), now)).isEqualTo("11月28日 周六");
    }
}
