package dev.aigcdesk.api;

public final class NetworkErrorException extends ApiException {

    public NetworkErrorException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }

    @Override
    protected String defaultCode() {
        return "Network";
    }
}
