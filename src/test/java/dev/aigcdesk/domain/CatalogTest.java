package dev.aigcdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CatalogTest {

    @Test
    void aStoredProblemReadsInTheWindowsLanguageAndInEnglishForTheCommandLine() {
        String stored = new Problem("query.network", "api.chainhub.tech").encode();

        assertThat(Catalog.english().problem(stored))
                .isEqualTo("Cannot reach api.chainhub.tech. The network may be down; it is tried again by itself.");
        assertThat(new Catalog(Locale.SIMPLIFIED_CHINESE).problem(stored))
                .isEqualTo("无法连接 api.chainhub.tech。网络可能已断开；会自动重试。");
        assertThat(Catalog.english().problem(new Problem("query.malformed", "HTTP 200").encode()))
                .as("an apostrophe in the pattern survives")
                .isEqualTo("The service's answer could not be read (HTTP 200).");
    }

    @Test
    void olderFreeTextAndUnknownCodesStayReadable() {
        assertThat(new Catalog(Locale.SIMPLIFIED_CHINESE).problem("Cannot connect to 127.0.0.1."))
                .isEqualTo("Cannot connect to 127.0.0.1.");
        assertThat(Catalog.english().problem(new Problem("query.fromTheFuture", "details kept").encode()))
                .isEqualTo("details kept");
        assertThat(Catalog.english().problem(null)).isNull();
        assertThat(Problem.decode(new Problem("download.gone", "HTTP 404 | with a bar").encode()))
                .contains(new Problem("download.gone", "HTTP 404 | with a bar"));
    }

    @Test
    void theCommandLineAndTheWindowSayTheSameThingsInTheirLanguages() {
        Catalog zh = new Catalog(Locale.SIMPLIFIED_CHINESE);
        TaskFailure aborted = new TaskFailure(70000, "", "task aborted");
        assertThat(Catalog.english().failure(aborted))
                .isEqualTo(Catalog.english().get("failure." + aborted.reason().key()));
        assertThat(zh.failure(aborted))
                .isNotEqualTo(Catalog.english().failure(aborted))
                .isEqualTo(zh.get("failure." + aborted.reason().key()));
        assertThat(Catalog.english().compactDuration(Duration.ofSeconds(80))).isEqualTo("1 min 20 s");
        assertThat(zh.compactDuration(Duration.ofSeconds(80)))
                .as("the Chinese window's timings are Chinese")
                .isEqualTo("1 分 20 秒");
        assertThat(zh.compactDuration(Duration.ofHours(2))).isEqualTo("2 小时");
        Clock clock = Clock.fixed(Instant.parse("2026-05-20T00:00:00Z"), ZoneOffset.UTC);
        Expiry soon = Expiry.of(clock.instant().plus(Duration.ofHours(5)), clock);
        assertThat(Catalog.english().expiry(soon)).isEqualTo("Expires in 5 hours");
        assertThat(zh.expiry(soon)).contains("5");
    }

    @Test
    void bothLanguagesExplainEveryProblem() throws Exception {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        assertThat(zh.keySet()).isEqualTo(en.keySet());
    }

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (var in = CatalogTest.class.getResourceAsStream("/dev/aigcdesk/domain/" + name)) {
            p.load(in);
        }
        return p;
    }
}
