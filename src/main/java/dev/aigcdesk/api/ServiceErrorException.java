package dev.aigcdesk.api;

public final class ServiceErrorException extends ApiException {

    private final boolean transientFailure;

    public ServiceErrorException(String message, ErrorDetails details, boolean transientFailure) {
        super(message, details, null);
        this.transientFailure = transientFailure;
    }

    @Override
    public boolean isRetryable() {
        return transientFailure;
    }

    @Override
    protected String defaultCode() {
        return details().httpStatus() > 0 ? "HTTP" + details().httpStatus() : "ServiceError";
    }
}
