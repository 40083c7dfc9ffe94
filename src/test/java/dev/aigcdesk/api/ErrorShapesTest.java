package dev.aigcdesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.testing.Fixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every error shape of query-api.md §9, with every status it may come with, becomes the right typed error. */
class ErrorShapesTest {

    private static final TaskId ID = TaskId.parse("1397741205-AigcImageTask-96a3be3cf272e017046d1b2674a52bd3t");
    private final ResponseDecoder decoder = new ResponseDecoder(new WireJson());

    private ApiException decode(int status, String body) {
        return catchThrowableOfType(ApiException.class, () -> decoder.decode(ID, status, body, null));
    }

    @Test
    void tencentNotFoundEnvelope() {
        ApiException e = decode(200, Fixtures.read("error_task_not_found.json"));
        assertThat(e).isInstanceOf(TaskNotFoundException.class);
        assertThat(e.code()).isEqualTo("ResourceNotFound");
        assertThat(e.details().serverMessage()).isEqualTo("The task does not exist.");
        assertThat(e.details().requestId()).isEqualTo("fa35e192-121e-4bf3-aabf-9f5ea6abdbcb");
        assertThat(e.getMessage()).contains("not found").contains("3-day");
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void tencentInvalidTaskIdIsNotFound() {
        ApiException e = decode(200, Fixtures.read("error_invalid_task_id.json"));
        assertThat(e).isInstanceOf(TaskNotFoundException.class);
        assertThat(e.code()).isEqualTo("InvalidParameterValue.TaskId");
        assertThat(e.details().serverMessage()).isEqualTo("任务 ID 不存在");
    }

    @Test
    void tencentAuthFailure() {
        ApiException e = decode(200, Fixtures.read("error_auth_failure.json"));
        assertThat(e).isInstanceOf(AuthenticationFailedException.class);
        assertThat(e.code()).isEqualTo("AuthFailure.SecretIdNotFound");
        assertThat(e.details().requestId()).isEqualTo("f1abd670-358e-436c-a129-6e66b3b66c38");
    }

    @Test
    void tencentInternalErrorIsRetryableServiceError() {
        ApiException e = decode(200, Fixtures.read("error_internal.json"));
        assertThat(e).isInstanceOf(ServiceErrorException.class);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.code()).isEqualTo("InternalError");
    }

    @Test
    void tencentRequestLimitIsRateLimited() {
        ApiException e = decode(200, Fixtures.read("error_request_limit.json"));
        assertThat(e).isInstanceOf(RateLimitedException.class);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.details().serverMessage()).contains("exceeds the frequency limit `20`");
    }

    @Test
    void tencentEnvelopeWithNon200StatusStillReadsTheCode() {
        ApiException e = decode(500, Fixtures.read("error_task_not_found.json"));
        assertThat(e).isInstanceOf(TaskNotFoundException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void aggregatorErrorObjectWithAuthStatusIsAuthentication(int status) {
        ApiException e = decode(status, Fixtures.read("aggregator_401.json"));
        assertThat(e).isInstanceOf(AuthenticationFailedException.class);
        assertThat(e.code())
                .as("the gateway sends an empty code, so scripts see the generic one")
                .isEqualTo("Unauthorized");
        assertThat(e.details().serverMessage()).startsWith("无效的令牌");
        assertThat(e.details().httpStatus()).isEqualTo(status);
    }

    @Test
    void aggregatorErrorObjectWith500IsServiceError() {
        ApiException e = decode(
                500,
                "{\"error\":{\"message\":\"upstream error: do request failed\",\"type\":\"new_api_error\",\"code\":\"do_request_failed\"}}");
        assertThat(e).isInstanceOf(ServiceErrorException.class);
        assertThat(e.code()).isEqualTo("do_request_failed");
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 404})
    void aggregatorCodeFormTaskNotExistIsNotFound(int status) {
        ApiException e = decode(status, Fixtures.read("aggregator_code_task_not_exist.json"));
        assertThat(e).isInstanceOf(TaskNotFoundException.class);
        assertThat(e.code()).isEqualTo("task_not_exist");
    }

    @Test
    void htmlFromProxyWith502IsRetryableServiceError() {
        ApiException e = decode(502, Fixtures.read("html_502.html"));
        assertThat(e).isInstanceOf(ServiceErrorException.class);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getMessage()).contains("temporarily unavailable").contains("502");
        assertThat(e.details().serverMessage()).contains("502 Bad Gateway").doesNotContain("<");
    }

    @Test
    void htmlWith200IsMalformed() {
        ApiException e = decode(200, Fixtures.read("html_502.html"));
        assertThat(e).isInstanceOf(MalformedResponseException.class);
        assertThat(e.code()).isEqualTo("Malformed");
    }

    @Test
    void htmlWith401IsAuthentication() {
        assertThat(decode(401, "<html><body>401 Authorization Required</body></html>"))
                .isInstanceOf(AuthenticationFailedException.class)
                .extracting(ApiException::code)
                .isEqualTo("Unauthorized");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void emptyBodyWith200IsMalformed(String body) {
        ApiException e = decode(200, body);
        assertThat(e).isInstanceOf(MalformedResponseException.class);
        assertThat(e.getMessage()).contains("empty");
    }

    @Test
    void emptyBodyWith503IsRetryable() {
        assertThat(decode(503, ""))
                .isInstanceOf(ServiceErrorException.class)
                .extracting(ApiException::isRetryable)
                .isEqualTo(true);
    }

    @Test
    void truncatedJsonIsMalformed() {
        String full = Fixtures.read("video_finish_mp4.json");
        ApiException e = decode(200, full.substring(0, full.length() / 2));
        assertThat(e).isInstanceOf(MalformedResponseException.class);
        assertThat(e.getMessage()).contains("cut off");
    }

    @Test
    void jsonOfAnotherShapeIsMalformed() {
        assertThat(decode(200, "{\"hello\":\"world\"}")).isInstanceOf(MalformedResponseException.class);
        assertThat(decode(200, "{\"Response\":{\"RequestId\":\"x\"}}")).isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void jsonArrayOrGarbageIsMalformed() {
        assertThat(decode(200, "[1,2,3]")).isInstanceOf(MalformedResponseException.class);
        assertThat(decode(200, "{\"Response\": {\"Status\": \u0000}")).isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void http429WithoutBodyIsRateLimitedAndCarriesRetryAfter() throws Exception {
        ApiException e =
                catchThrowableOfType(ApiException.class, () -> decoder.decode(ID, 429, "", Duration.ofSeconds(7)));
        assertThat(e).isInstanceOf(RateLimitedException.class);
        assertThat(((RateLimitedException) e).retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterHeaderParsesSecondsAndDates() {
        assertThat(QueryClient.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(QueryClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(QueryClient.retryAfter("soon")).isNull();
        assertThat(QueryClient.retryAfter(null)).isNull();
    }
}
