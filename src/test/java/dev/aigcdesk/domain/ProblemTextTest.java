package dev.aigcdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProblemTextTest {

    @Test
    void aStoredProblemReadsInTheWindowsLanguageAndInEnglishForTheCommandLine() {
        String stored = new Problem("query.network", "api.chainhub.tech").encode();

        assertThat(ProblemText.render(stored, Locale.ENGLISH)).isEqualTo("Cannot reach api.chainhub.tech. The network may be down; it is tried again by itself.");
        assertThat(ProblemText.render(stored, Locale.SIMPLIFIED_CHINESE)).isEqualTo("无法连接 api.chainhub.tech。网络可能已断开；会自动重试。");
        assertThat(ProblemText.render(new Problem("query.malformed", "HTTP 200").encode(), Locale.ENGLISH))
                .as("an apostrophe in the pattern survives").isEqualTo("The service's answer could not be read (HTTP 200).");
    }

    @Test
    void olderFreeTextAndUnknownCodesStayReadable() {
        assertThat(ProblemText.render("Cannot connect to 127.0.0.1.", Locale.SIMPLIFIED_CHINESE)).isEqualTo("Cannot connect to 127.0.0.1.");
        assertThat(ProblemText.render(new Problem("query.fromTheFuture", "details kept").encode(), Locale.ENGLISH)).isEqualTo("details kept");
        assertThat(ProblemText.render(null, Locale.ENGLISH)).isNull();
        assertThat(Problem.decode(new Problem("download.gone", "HTTP 404 | with a bar").encode()))
                .contains(new Problem("download.gone", "HTTP 404 | with a bar"));
    }

    @Test
    void bothLanguagesExplainEveryProblem() throws Exception {
        Properties en = load("problems.properties");
        Properties zh = load("problems_zh_CN.properties");
        assertThat(zh.keySet()).isEqualTo(en.keySet());
    }

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (var in = ProblemTextTest.class.getResourceAsStream("/dev/aigcdesk/domain/" + name)) {
            p.load(in);
        }
        return p;
    }
}
