package dev.aigcdesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.GenerationRequest;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreateRequestsTest {

    private final CreateRequests requests = new CreateRequests();

    @Test
    void aVideosRecordedAnswerGivesItsParametersWithoutTheServicesPlaceholders() {
        GenerationRequest r = requests.fromAnswer(TaskKind.VIDEO, Fixtures.read("video_finish_mp4.json"))
                .orElseThrow();

        assertThat(r.modelName()).isEqualTo("Kling");
        assertThat(r.modelVersion()).isEqualTo("2.5");
        assertThat(r.prompt()).isEqualTo("A car driving along a coastal highway at golden hour, drone shot");
        assertThat(r.negativePrompt()).as("\"\" is not a negative prompt").isNull();
        assertThat(r.enhancePrompt()).isNull();
        assertThat(r.aspectRatio()).isEqualTo("16:9");
        assertThat(r.resolution()).isEqualTo("1080P");
        assertThat(r.durationSeconds()).isEqualTo(5.0);
        assertThat(r.audioGeneration()).isEqualTo("Enabled");
        assertThat(r.personGeneration()).isNull();
        assertThat(r.lastFrameUrl()).isNull();
        assertThat(r.referenceUrls())
                .containsExactly("https://example-bucket-1250000000.cos.ap-shanghai.myqcloud.com/frames/car_first.png");
        assertThat(requests.toJson(r))
                .doesNotContain("\"\"")
                .doesNotContain("0000-00-00")
                .doesNotContain("class_id")
                .doesNotContain("seed");
    }

    @Test
    void anImagesTrimmedAnswerAndRawWireNullsBothRead() {
        GenerationRequest trimmed = requests.fromAnswer(TaskKind.IMAGE, Fixtures.read("image_finish_single.json"))
                .orElseThrow();
        assertThat(trimmed.prompt()).isEqualTo("a red panda reading a newspaper in a cafe, watercolor");
        assertThat(trimmed.negativePrompt()).isEqualTo("blur, distorted");
        assertThat(trimmed.enhancePrompt()).isEqualTo("Enabled");

        assertThat(requests.fromAnswer(TaskKind.IMAGE, Fixtures.read("image_raw_nulls_unknown_keys.json")))
                .isPresent();
        assertThat(requests.fromAnswer(TaskKind.IMAGE, "{\"Response\": {\"Error\": {\"Code\": \"x\"}}}"))
                .isEmpty();
        assertThat(requests.fromAnswer(TaskKind.IMAGE, "{not json")).isEmpty();
        assertThat(requests.fromAnswer(TaskKind.IMAGE, null)).isEmpty();
    }

    @Test
    void whatWasSentReadsBackAsTheSameRequest() {
        GenerationRequest r = new GenerationRequest(
                TaskKind.VIDEO,
                "Hailuo",
                "2.3",
                "ramen, steam",
                "blur",
                "Disabled",
                "16:9",
                "768P",
                6.0,
                "Enabled",
                null,
                null,
                List.of("https://e.com/1.png", "https://e.com/2.png"),
                "https://e.com/last.png");

        assertThat(requests.fromSentJson(TaskKind.VIDEO, requests.toJson(r))).contains(r);
        assertThat(requests.fromSentJson(TaskKind.VIDEO, "[]")).isEmpty();
    }

    @Test
    void changesReplaceOnlyWhatTheySet() {
        GenerationRequest recorded = new GenerationRequest(
                TaskKind.IMAGE,
                "GEM",
                "2.5",
                "a cat",
                "dogs",
                "Enabled",
                "1:1",
                "2K",
                null,
                null,
                "Temporary",
                null,
                List.of("https://e.com/ref.png"),
                null);
        GenerationRequest changes = new GenerationRequest(
                TaskKind.IMAGE, null, "3.0", null, null, null, "16:9", "", null, null, null, null, List.of(), null);

        GenerationRequest again = recorded.with(changes);

        assertThat(again)
                .isEqualTo(new GenerationRequest(
                        TaskKind.IMAGE,
                        "GEM",
                        "3.0",
                        "a cat",
                        "dogs",
                        "Enabled",
                        "16:9",
                        "2K",
                        null,
                        null,
                        "Temporary",
                        null,
                        List.of("https://e.com/ref.png"),
                        null));
    }
}
