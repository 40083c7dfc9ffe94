package dev.aigcdesk.api;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import dev.aigcdesk.api.wire.WireAggregatorError;
import dev.aigcdesk.api.wire.WireResponse;
import dev.aigcdesk.api.wire.WireRoot;
import dev.aigcdesk.domain.TaskId;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * Reads any body the service or the gateway in front of it can send (query-api.md §9): Tencent's
 * envelope with HTTP 200, the gateway's {@code error} object or {@code code/message/data} form with
 * any status, an HTML page from a proxy, or an empty or cut-off body.
 */
final class ResponseDecoder {

    private final WireJson json;

    ResponseDecoder(WireJson json) {
        this.json = json;
    }

    QueryResult decode(TaskId id, int status, String body, Duration retryAfter) throws ApiException {
        String text = body == null ? "" : body.strip();
        boolean ok = status >= 200 && status < 300;
        if (text.isEmpty()) {
            if (ok) {
                throw new MalformedResponseException(
                        "The service sent an empty response.", new ErrorDetails(status, null, null, null), null);
            }
            throw byStatus(id, new ErrorDetails(status, null, null, null), retryAfter);
        }
        if (!text.startsWith("{")) {
            ErrorDetails d = new ErrorDetails(status, null, snippet(text), null);
            if (ok) {
                throw new MalformedResponseException(
                        "The service sent a web page or text instead of task data.", d, null);
            }
            throw byStatus(id, d, retryAfter);
        }
        WireRoot root;
        try {
            root = json.root().fromJson(text);
        } catch (JsonEncodingException | JsonDataException | EOFException e) {
            ErrorDetails d = new ErrorDetails(status, null, null, null);
            if (ok) {
                throw new MalformedResponseException("The service's response was cut off or is not valid JSON.", d, e);
            }
            throw byStatus(id, d, retryAfter);
        } catch (IOException e) {
            throw new MalformedResponseException(
                    "The service's response could not be read.", new ErrorDetails(status, null, null, null), e);
        }
        if (root != null && root.response != null) {
            return decodeEnvelope(id, status, root.response, text, retryAfter);
        }
        throw aggregatorError(id, status, text, retryAfter);
    }

    /**
     * The failure in an answer that is not Tencent's envelope (a gateway error, a web page, an empty
     * body, HTTP errors): read the same way for creates as for queries.
     */
    ApiException failure(int status, String body, Duration retryAfter) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || !text.startsWith("{")) {
            ErrorDetails d = new ErrorDetails(status, null, text.isEmpty() ? null : snippet(text), null);
            return status >= 200 && status < 300
                    ? new MalformedResponseException(
                            "The service sent "
                                    + (text.isEmpty()
                                            ? "an empty response."
                                            : "a web page or text instead of an answer."),
                            d,
                            null)
                    : byStatus(null, d, retryAfter);
        }
        return aggregatorError(null, status, text, retryAfter);
    }

    /** Tencent's {@code Response.Error}, for creates: its message is shown as the service wrote it. */
    ApiException createRefused(int status, String code, String message, String requestId, Duration retryAfter) {
        ErrorDetails d = new ErrorDetails(status, code, message, requestId);
        String c = code == null ? "" : code;
        if (c.startsWith("AuthFailure") || c.startsWith("UnauthorizedOperation")) {
            return tencentError(null, d, retryAfter);
        }
        return new ServiceErrorException(
                "The service refused the generation: " + orCode(message, code)
                        + (code != null && message != null && !message.isBlank() ? " (" + code + ")" : ""),
                d,
                false);
    }

    private QueryResult decodeEnvelope(TaskId id, int status, WireResponse r, String text, Duration retryAfter)
            throws ApiException {
        if (r.error != null) {
            throw tencentError(id, new ErrorDetails(status, r.error.code, r.error.message, r.requestId), retryAfter);
        }
        if (status < 200 || status >= 300) {
            throw byStatus(id, new ErrorDetails(status, null, null, r.requestId), retryAfter);
        }
        if (r.taskType == null && r.status == null && r.aigcImageTask == null && r.aigcVideoTask == null) {
            throw new MalformedResponseException(
                    "The service's answer has no task in it.", new ErrorDetails(status, null, null, r.requestId), null);
        }
        if (r.aigcImageTask == null && r.aigcVideoTask == null) {
            r.otherTask = json.otherTask(text, r.taskType);
        }
        return new QueryResult(TaskMapper.toTask(id, r), text);
    }

    private ApiException aggregatorError(TaskId id, int status, String text, Duration retryAfter) {
        WireAggregatorError e;
        try {
            e = json.aggregatorError().fromJson(text);
        } catch (IOException | JsonDataException ex) {
            e = null;
        }
        String code = null;
        String message = null;
        if (e != null && e.error != null) {
            code = e.error.code;
            message = e.error.message;
        } else if (e != null) {
            code = e.code;
            message = e.message;
        }
        ErrorDetails d = new ErrorDetails(status, code, message, null);
        String lowerCode = code == null ? "" : code.toLowerCase(Locale.ROOT);
        if (lowerCode.contains("not_exist") || lowerCode.contains("not_found") || lowerCode.equals("notfound")) {
            return notFound(id, d);
        }
        if (code == null && message == null) {
            if (status >= 200 && status < 300) {
                return new MalformedResponseException("The service's answer is not a task query response.", d, null);
            }
        }
        if (status >= 200 && status < 300) {
            return new ServiceErrorException(
                    "The service refused the request: " + orCode(message, code) + ".", d, false);
        }
        return byStatus(id, d, retryAfter);
    }

    private ApiException tencentError(TaskId id, ErrorDetails d, Duration retryAfter) {
        String code = d.code() == null ? "" : d.code();
        if (code.startsWith("AuthFailure") || code.startsWith("UnauthorizedOperation")) {
            return new AuthenticationFailedException(
                    "The service refused the credentials (" + code + "). Check your API key;"
                            + " if it is right, the gateway's own Tencent account may be misconfigured.",
                    d,
                    null);
        }
        if (code.startsWith("ResourceNotFound") || code.equals("InvalidParameterValue.TaskId")) {
            return notFound(id, d);
        }
        if (code.startsWith("RequestLimitExceeded")) {
            return new RateLimitedException(
                    "The service is limiting how often it can be asked. Slowing down.", d, retryAfter);
        }
        boolean transientFailure = code.startsWith("InternalError")
                || code.equals("ServiceUnavailable")
                || code.equals("ResourceUnavailable");
        String what = transientFailure
                ? "The service had a temporary problem (" + code + ")."
                : "The service refused the query (" + code + ").";
        return new ServiceErrorException(what, d, transientFailure);
    }

    private ApiException byStatus(TaskId id, ErrorDetails d, Duration retryAfter) {
        int s = d.httpStatus();
        if (s == 401 || s == 403) {
            return new AuthenticationFailedException(
                    "The API key was rejected (HTTP " + s + "). Check it in Settings or AIGC_DESK_API_KEY.", d, null);
        }
        if (s == 429) {
            return new RateLimitedException(
                    "The service is limiting how often it can be asked (HTTP 429). Slowing down.", d, retryAfter);
        }
        if (s == 500 || s == 502 || s == 503 || s == 504) {
            return new ServiceErrorException("The service is temporarily unavailable (HTTP " + s + ").", d, true);
        }
        if (s == 404) {
            return new ServiceErrorException("The service answered HTTP 404. Check the API base URL.", d, false);
        }
        return new ServiceErrorException("The service answered with an error (HTTP " + s + ").", d, false);
    }

    private static ApiException notFound(TaskId id, ErrorDetails d) {
        if (id == null) {
            return new ServiceErrorException(
                    "The service answered \"not found\" (" + orCode(d.serverMessage(), d.code())
                            + "). Check the API base URL.",
                    d,
                    false);
        }
        return new TaskNotFoundException(
                "Task " + id.shortId() + " was not found. It may be mistyped, belong to another account,"
                        + " or be older than the service's 3-day query window.",
                d,
                null);
    }

    private static String orCode(String message, String code) {
        if (message != null && !message.isBlank()) {
            return message;
        }
        return code == null ? "no reason given" : code;
    }

    private static String snippet(String text) {
        String oneLine = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        return oneLine.length() > 120 ? oneLine.substring(0, 117) + "..." : oneLine;
    }
}
