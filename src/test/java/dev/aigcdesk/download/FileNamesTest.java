package dev.aigcdesk.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a red panda.png|a red panda.png",
                "../../etc/passwd|_.._etc_passwd",
                "con.png|_con.png",
                "a:b*c?.png|a_b_c_.png",
                "...|file",
                "  .hidden.png. |hidden.png",
                "tab\tname.jpg|tab_name.jpg"
            })
    void sanitizes(String in, String out) {
        assertThat(FileNames.sanitize(in)).isEqualTo(out);
    }

    @Test
    void longNamesAreCutOnCharacterBoundariesAndKeepTheirExtension() {
        String name = "水".repeat(300) + ".png";
        String s = FileNames.sanitize(name);
        assertThat(s).endsWith(".png").startsWith("水");
        assertThat(s.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
    }

    @Test
    void slugKeepsChineseAndDropsEmoji() {
        assertThat(FileNames.slug("水墨风格的山间小屋 🌄 ink-wash cabin!", 40)).isEqualTo("水墨风格的山间小屋-ink-wash-cabin");
        assertThat(FileNames.slug("A Red Panda, reading", 12)).isEqualTo("a-red-panda");
        assertThat(FileNames.slug("🐱🚀", 10)).isEqualTo("untitled");
        assertThat(FileNames.slug(null, 10)).isEqualTo("untitled");
    }

    @Test
    void extensionFallsBackToBin() {
        assertThat(FileNames.extension("png")).isEqualTo("png");
        assertThat(FileNames.extension("jpeg")).isEqualTo("jpg");
        assertThat(FileNames.extension("")).isEqualTo("bin");
        assertThat(FileNames.extension("../x")).isEqualTo("bin");
    }
}
