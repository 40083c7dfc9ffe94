package dev.aigcdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskIdTest {

    private static final String IMG = "1397741205-AigcImageTask-96a3be3cf272e017046d1b2674a52bd3t";
    private static final String VID = "1397741205-AigcVideoTask-fad6f4e614a212e80c67249a666d2b09t";

    @Test
    void parsesAndNormalisesOneId() {
        TaskId id = TaskId.parse("  \"1397741205-AigcImageTask-96A3BE3CF272E017046D1B2674A52BD3t\" ");
        assertThat(id.value()).isEqualTo(IMG);
        assertThat(id.kind()).isEqualTo(TaskKind.IMAGE);
        assertThat(id.shortId()).isEqualTo("74a52bd3");
        assertThat(TaskId.parse(VID).kind()).isEqualTo(TaskKind.VIDEO);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "hello",
                "1397741205-AigcImageTask-96a3be3cf272e017046d1b2674a52bd3",
                "1397741205-AigcImageTask-96a3be3cf272e017046d1b2674a52bd3tt",
                "../1397741205-AigcImageTask-96a3be3cf272e017046d1b2674a52bd3t",
                "1397741205-AigcImageTask-96a3be3cf272e017046d1b2674a52bd3t/..",
                "1397741205-AigcImageTask-96a3be3cf272e017046d1b2674a52bd3t%2F",
                "1397741205-aigcimagetask-96a3be3cf272e017046d1b2674a52bd3t",
                "1397741205-AigcImageTask-96a3be3cf272e017046d1b2674a52bzzt"
            })
    void rejectsAnythingElseWithAClearMessage(String bad) {
        assertThat(TaskId.isValid(bad)).isFalse();
        assertThatThrownBy(() -> TaskId.parse(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("(?s).*(not a task id|empty).*");
    }

    @Test
    void extractsFromAPastedChatMessage() {
        String chat = "Hi! Here are today's renders: " + IMG + ", and the video one is\n" + VID + ". Ping me if " + IMG
                + " fails 🙏";
        assertThat(TaskId.extractAll(chat)).extracting(TaskId::value).containsExactly(IMG, VID);
    }

    @Test
    void extractsFromCsvJsonAndLogs() {
        String csv = "task_id,model\n" + IMG + ",GEM\n\"" + VID + "\",Kling\n";
        String json = "[{\"TaskId\":\"" + IMG + "\"},{\"TaskId\":\"" + VID + "\"}]";
        String log = "2026-05-20 12:00:01 INFO created task=" + VID + " (request f50d7667)";
        assertThat(TaskId.extractAll(csv)).hasSize(2);
        assertThat(TaskId.extractAll(json)).extracting(TaskId::value).containsExactly(IMG, VID);
        assertThat(TaskId.extractAll(log)).extracting(TaskId::value).containsExactly(VID);
    }

    @Test
    void ignoresIdsGluedToOtherIdCharacters() {
        assertThat(TaskId.extractAll("x" + IMG)).isEmpty();
        assertThat(TaskId.extractAll(IMG + "abc")).isEmpty();
        assertThat(TaskId.extractAll("/query/" + IMG + "?x")).hasSize(1);
        assertThat(TaskId.extractAll(null)).isEmpty();
        assertThat(TaskId.extractAll("no ids here 1234-Task-abc")).isEmpty();
    }

    @Test
    void extractionScalesToLargeText() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            sb.append(String.format("1397741205-AigcImageTask-%032xt,row %d\n", i, i));
        }
        List<TaskId> ids = TaskId.extractAll(sb);
        assertThat(ids).hasSize(5000);
    }
}
