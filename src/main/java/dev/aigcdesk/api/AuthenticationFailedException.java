package dev.aigcdesk.api;

public final class AuthenticationFailedException extends ApiException {

    public AuthenticationFailedException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }

    @Override
    protected String defaultCode() {
        return "Unauthorized";
    }
}
