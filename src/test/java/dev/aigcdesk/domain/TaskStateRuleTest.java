package dev.aigcdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskStateRuleTest {

    private static final List<OutputFile> ONE_FILE = List.of(
            new OutputFile("http://x/a.png", Instant.EPOCH, "Temporary", "png", null, null, null, null, null, null));

    @ParameterizedTest(name = "{0}/{1} err={2} ext={3} files={4} -> {5}")
    @CsvSource({
        "WAITING,PROCESSING,0,,false,WAITING",
        "PROCESSING,PROCESSING,0,,false,RUNNING",
        "FINISH,FINISH,0,,true,SUCCEEDED",
        "FINISH,FINISH,70000,InvalidParameter.VoilationContent,false,FAILED",
        "FINISH,FINISH,0,InternalError,true,FAILED",
        "FINISH,FINISH,70000,,true,FAILED",
        "FINISH,FINISH,0,,false,FAILED",
        "ABORTED,PROCESSING,0,,false,ABORTED",
        "FINISH,FAIL,70000,ModelGenerateFailed,false,FAILED",
        ",FINISH,0,,true,SUCCEEDED",
        ",PROCESSING,0,,false,RUNNING",
        "SOMETHING_NEW,,0,,false,UNKNOWN",
        ",,0,,false,UNKNOWN",
        "finish,finish,0,,true,SUCCEEDED"
    })
    void decides(String top, String inner, long err, String ext, boolean files, TaskState expected) {
        assertThat(TaskStateRule.decide(top, inner, err, ext, files ? ONE_FILE : List.of()))
                .isEqualTo(expected);
    }
}
