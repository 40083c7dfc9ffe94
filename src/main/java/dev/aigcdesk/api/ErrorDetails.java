package dev.aigcdesk.api;

/** What the server said about a failure, where it said anything. Fields may be null; status is 0 without a response. */
public record ErrorDetails(int httpStatus, String code, String serverMessage, String requestId) {

    public static final ErrorDetails NONE = new ErrorDetails(0, null, null, null);

    /** "ResourceNotFound: The task does not exist. (HTTP 200, request f1ab…)" for logs and details views. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (code != null) {
            sb.append(code);
        }
        if (serverMessage != null) {
            sb.append(sb.length() > 0 ? ": " : "").append(serverMessage);
        }
        StringBuilder tail = new StringBuilder();
        if (httpStatus > 0) {
            tail.append("HTTP ").append(httpStatus);
        }
        if (requestId != null) {
            tail.append(tail.length() > 0 ? ", " : "").append("request ").append(requestId);
        }
        if (tail.length() > 0) {
            sb.append(sb.length() > 0 ? " " : "").append('(').append(tail).append(')');
        }
        return sb.toString();
    }
}
