package dev.aigcdesk.api.wire;

/** The gateway's own errors: {@code {"error":{"message","type","code"}}} or {@code {"code","message","data"}}. */
public class WireAggregatorError {
    public WireAggregatorErrorBody error;
    public String code;
    public String message;
}
