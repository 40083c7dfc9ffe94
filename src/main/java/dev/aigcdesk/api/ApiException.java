package dev.aigcdesk.api;

/**
 * A query that did not produce a task. The message is a short sentence for people; {@link #details()}
 * keeps the server's code, message and request id.
 */
public abstract sealed class ApiException extends Exception
        permits AuthenticationFailedException,
                TaskNotFoundException,
                RateLimitedException,
                ServiceErrorException,
                NetworkErrorException,
                MalformedResponseException,
                MaybeReceivedException,
                ServiceTimeoutException {

    private final ErrorDetails details;

    protected ApiException(String message, ErrorDetails details, Throwable cause) {
        super(message, cause);
        this.details = details == null ? ErrorDetails.NONE : details;
    }

    public ErrorDetails details() {
        return details;
    }

    /** Worth asking again after a pause. */
    public abstract boolean isRetryable();

    /** A short code for scripts: the server's own code where it gave one. */
    public String code() {
        return details.code() != null && !details.code().isBlank() ? details.code() : defaultCode();
    }

    protected abstract String defaultCode();
}
