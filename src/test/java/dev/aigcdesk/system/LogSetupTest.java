package dev.aigcdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/** The app's own log file, as the installed app writes it (tests otherwise log through logback-test.xml). */
class LogSetupTest {

    @TempDir
    Path dir;

    @Test
    void theLogIsOneLinePerEventWithTimeThreadLevelLoggerAndTheStackTraceOfAnError() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        LogSetup.install(context, dir.toString());
        Logger archiver = context.getLogger("dev.aigcdesk.sync.Archiver");
        Logger library = context.getLogger("okhttp3.OkHttpClient");

        archiver.info("Saved {} of {}", 1, "1250000000-AigcImageTask-abct");
        archiver.debug("not at INFO");
        library.info("a library's INFO is not kept");
        library.warn("a library's WARN is");
        archiver.error("Could not save", new IOException("No space left on device"));
        context.stop();

        List<String> lines = Files.readAllLines(dir.resolve("aigc-desk.log"));
        assertThat(lines.get(0))
                .matches(
                        "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[[^]]+] INFO  dev\\.aigcdesk\\.sync\\.Archiver - Saved 1 of 1250000000-AigcImageTask-abct");
        assertThat(lines.get(1)).endsWith("WARN  okhttp3.OkHttpClient - a library's WARN is");
        assertThat(lines.get(2)).endsWith("ERROR dev.aigcdesk.sync.Archiver - Could not save");
        assertThat(lines.get(3)).isEqualTo("java.io.IOException: No space left on device");
        assertThat(lines.get(4)).as("the stack trace follows").startsWith("\tat ");
        assertThat(String.join("\n", lines)).doesNotContain("not at INFO").doesNotContain("a library's INFO");
    }
}
