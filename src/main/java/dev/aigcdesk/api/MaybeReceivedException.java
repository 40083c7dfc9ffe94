package dev.aigcdesk.api;

/**
 * A create whose request may have reached the service: the connection failed after it was sent, or
 * no answer came in time. Sending it again could start (and bill) a second generation, so it is never
 * retried by itself; the person checks the service first.
 */
public final class MaybeReceivedException extends ApiException {

    public MaybeReceivedException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }

    @Override
    protected String defaultCode() {
        return "MaybeReceived";
    }
}
