package dev.aigcdesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.Catalog;
import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.OutputFile;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.testing.Fixtures;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every fixture body becomes the right domain task (served as HTTP 200, as Tencent does). */
class FixtureMappingTest {

    private static final TaskId ANY_ID = TaskId.parse("1397741205-AigcImageTask-96a3be3cf272e017046d1b2674a52bd3t");
    private final ResponseDecoder decoder = new ResponseDecoder(new WireJson());

    private GenerationTask map(String fixture) throws ApiException {
        QueryResult r = decoder.decode(ANY_ID, 200, Fixtures.read(fixture), null);
        assertThat(r.rawJson()).isEqualTo(Fixtures.read(fixture).strip());
        return r.task();
    }

    @Test
    void trimmedSingleImageSucceedsWithTypeFromUrl() throws Exception {
        GenerationTask t = map("image_finish_single.json");
        assertThat(t.kind()).isEqualTo(TaskKind.IMAGE);
        assertThat(t.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(t.progress()).isEqualTo(100);
        assertThat(t.prompt()).isEqualTo("a red panda reading a newspaper in a cafe, watercolor");
        assertThat(t.negativePrompt()).isEqualTo("blur, distorted");
        assertThat(t.enhancePrompt()).isEqualTo("Enabled");
        assertThat(t.modelLabel()).isEqualTo("GEM 2.5");
        assertThat(t.times().created()).isEqualTo(Instant.parse("2026-05-20T09:14:02Z"));
        assertThat(t.times().finished()).isEqualTo(Instant.parse("2026-05-20T09:14:19Z"));
        assertThat(t.requestId()).isEqualTo("ddfe1633-45d3-4819-aac2-bdc183f8e9dc");
        assertThat(t.failure()).isNull();
        assertThat(t.outputs()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo("png");
            assertThat(f.storageMode()).isEqualTo("Temporary");
            assertThat(f.expireTime()).isEqualTo(Instant.parse("2026-05-27T09:14:33Z"));
            assertThat(f.url()).endsWith("/aigcImageGenFile.png");
            assertThat(f.size()).isNull();
        });
    }

    @Test
    void rawWireMultipleFilesKeepsAllFourJpegs() throws Exception {
        GenerationTask t = map("image_finish_multiple_files.json");
        assertThat(t.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(t.modelLabel()).isEqualTo("Kling 3.0");
        assertThat(t.outputConfig().imageCount()).isEqualTo(4L);
        assertThat(t.outputConfig().resolution()).isEqualTo("2k");
        assertThat(t.outputConfig().aspectRatio()).isEqualTo("1:1");
        assertThat(t.outputs()).hasSize(4).allSatisfy(f -> assertThat(f.type()).isEqualTo("jpg"));
        assertThat(t.outputs()).extracting(OutputFile::url).doesNotHaveDuplicates();
        assertThat(t.negativePrompt()).isNull();
    }

    @Test
    void waitingIsWaitingWithEmptyTimesAsNone() throws Exception {
        GenerationTask t = map("image_waiting.json");
        assertThat(t.state()).isEqualTo(TaskState.WAITING);
        assertThat(t.progress()).isZero();
        assertThat(t.times().began()).isNull();
        assertThat(t.times().finished()).isNull();
        assertThat(t.outputs()).isEmpty();
        assertThat(t.modelLabel()).isEqualTo("Qwen 0925");
        assertThat(t.outputConfig().storageMode()).isEqualTo("Temporary");
        assertThat(t.failure()).isNull();
    }

    @Test
    void processingEarlyKeepsReferenceImage() throws Exception {
        GenerationTask t = map("image_processing_early.json");
        assertThat(t.state()).isEqualTo(TaskState.RUNNING);
        assertThat(t.progress()).isEqualTo(5);
        assertThat(t.references()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo("Url");
            assertThat(r.url()).endsWith("/ref/mug.jpg");
            assertThat(r.text()).isEqualTo("the mug to keep unchanged");
        });
        assertThat(t.outputConfig().aspectRatio()).isEqualTo("4:3");
    }

    @Test
    void finishWithErrCodeIsFailedWithPlainWords() throws Exception {
        GenerationTask t = map("image_fail_prompt_violation.json");
        assertThat(t.state()).isEqualTo(TaskState.FAILED);
        assertThat(t.failure().code()).isEqualTo(70000);
        assertThat(t.failure().extCode()).isEqualTo("InvalidParameter.VoilationContent");
        assertThat(t.failure().message()).contains("Input Prompt violates policy");
        assertThat(Catalog.english().failure(t.failure()))
                .isEqualTo("The prompt or an input was rejected by content moderation.");
    }

    @Test
    void temporaryVideoHasMetadata() throws Exception {
        GenerationTask t = map("video_finish_mp4.json");
        assertThat(t.kind()).isEqualTo(TaskKind.VIDEO);
        assertThat(t.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(t.outputConfig().durationSeconds()).isEqualTo(5.0);
        assertThat(t.outputConfig().audioGeneration()).isEqualTo("Enabled");
        assertThat(t.references())
                .singleElement()
                .satisfies(r -> assertThat(r.usage()).isEqualTo("FirstFrame"));
        assertThat(t.outputs()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo("mp4");
            assertThat(f.size()).isEqualTo(6913402L);
            assertThat(f.width()).isEqualTo(1920L);
            assertThat(f.height()).isEqualTo(1080L);
            assertThat(f.durationSeconds()).isEqualTo(5.042);
            assertThat(f.codec()).isEqualTo("h264");
            assertThat(f.isVideo()).isTrue();
        });
    }

    @Test
    void permanentVideoNeverExpires() throws Exception {
        GenerationTask t = map("video_finish_permanent.json");
        OutputFile f = t.outputs().get(0);
        assertThat(f.storageMode()).isEqualTo("Permanent");
        assertThat(f.fileId()).isEqualTo("5145403719832046617");
        assertThat(f.expireTime()).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(f.expiry()).isEmpty();
        assertThat(t.outputConfig().mediaName()).isEqualTo("fox-autumn-run");
    }

    @Test
    void videoProcessingShowsProgress() throws Exception {
        GenerationTask t = map("video_processing.json");
        assertThat(t.state()).isEqualTo(TaskState.RUNNING);
        assertThat(t.progress()).isEqualTo(40);
        assertThat(t.modelLabel()).isEqualTo("Hailuo 2.3");
        assertThat(t.outputConfig().resolution()).isEqualTo("768P");
        assertThat(t.times().finished()).isNull();
    }

    @Test
    void outputNullMeansNoFilesSoFailed() throws Exception {
        GenerationTask t = map("image_output_null.json");
        assertThat(t.state()).isEqualTo(TaskState.FAILED);
        assertThat(t.outputs()).isEmpty();
        assertThat(t.failure().message()).isEqualTo("The task finished without any output file.");
    }

    @Test
    void outputEmptyObjectMeansNoFilesSoFailed() throws Exception {
        GenerationTask t = map("image_output_empty_object.json");
        assertThat(t.state()).isEqualTo(TaskState.FAILED);
        assertThat(t.outputs()).isEmpty();
    }

    @Test
    void abortedVideoIsAborted() throws Exception {
        GenerationTask t = map("video_aborted.json");
        assertThat(t.state()).isEqualTo(TaskState.ABORTED);
        assertThat(Catalog.english().failure(t.failure())).isNotBlank();
        assertThat(t.failure().message()).isEqualTo("The task was aborted.");
    }

    @Test
    void nullsUnknownKeysAndWrongTypesAreTolerated() throws Exception {
        GenerationTask t = map("image_raw_nulls_unknown_keys.json");
        assertThat(t.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(t.progress()).isEqualTo(100);
        assertThat(t.seed()).isEqualTo(42L);
        assertThat(t.outputConfig().imageCount()).isEqualTo(2L);
        assertThat(t.outputConfig().resolution())
                .as("an object where a string belongs reads as none")
                .isNull();
        assertThat(t.outputs()).hasSize(2);
        OutputFile first = t.outputs().get(0);
        assertThat(first.url()).contains("sign=abc&t=1");
        assertThat(first.type()).isEqualTo("png");
        assertThat(first.size()).isEqualTo(523144L);
        assertThat(first.width()).isEqualTo(1024L);
        assertThat(first.height()).isEqualTo(1024L);
        OutputFile second = t.outputs().get(1);
        assertThat(second.expireTime()).isNull();
        assertThat(second.size()).isNull();
        assertThat(t.times().began()).isNull();
    }

    @Test
    void zeroTimesMeanNone() throws Exception {
        GenerationTask t = map("image_zero_times.json");
        assertThat(t.times().created()).isNull();
        assertThat(t.times().began()).isNull();
        assertThat(t.times().finished()).isNull();
        assertThat(t.outputs().get(0).expireTime()).isNull();
        assertThat(t.state()).isEqualTo(TaskState.RUNNING);
        assertThat(t.progress()).isEqualTo(62);
    }

    @Test
    void unknownTaskTypeIsOtherAndKeepsItsFiles() throws Exception {
        GenerationTask t = map("unknown_task_type.json");
        assertThat(t.kind()).isEqualTo(TaskKind.OTHER);
        assertThat(t.state())
                .as("a finished task of an unknown type, with a file: done, to be archived")
                .isEqualTo(TaskState.SUCCEEDED);
        assertThat(t.outputs())
                .singleElement()
                .satisfies(f -> assertThat(f.url()).isEqualTo("http://x.invalid/a.mp4"));
        assertThat(t.requestId()).isEqualTo("b2f1c3d4-0000-4000-8000-000000000006");
    }

    @Test
    void unicodeEscapesSurrogatePairsAndGoEscapesDecode() throws Exception {
        GenerationTask t = map("image_long_unicode_prompt.json");
        String expected = Fixtures.read("image_long_unicode_prompt.expected.txt");
        assertThat(t.prompt()).isEqualTo(expected);
        assertThat(t.prompt()).contains("🐱🚀🌕").contains("& <style>").hasSizeGreaterThan(1000);
        assertThat(t.negativePrompt()).isEqualTo("模糊, 低质量 😡");
        assertThat(t.outputs().get(0).url()).endsWith("?a=1&b=2");
        assertThat(t.outputs().get(0).type()).isEqualTo("png");
    }

    @Test
    void innerFailStatusIsFailed() throws Exception {
        GenerationTask t = map("image_finish_fail_inner_status.json");
        assertThat(t.state()).isEqualTo(TaskState.FAILED);
        assertThat(Catalog.english().failure(t.failure())).isEqualTo("The model could not generate a result.");
    }
}
