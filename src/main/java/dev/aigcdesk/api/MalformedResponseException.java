package dev.aigcdesk.api;

public final class MalformedResponseException extends ApiException {

    public MalformedResponseException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }

    @Override
    protected String defaultCode() {
        return "Malformed";
    }
}
