package dev.aigcdesk.api;

public final class TaskNotFoundException extends ApiException {

    public TaskNotFoundException(String message, ErrorDetails details, Throwable cause) {
        super(message, details, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }

    @Override
    protected String defaultCode() {
        return "ResourceNotFound";
    }
}
