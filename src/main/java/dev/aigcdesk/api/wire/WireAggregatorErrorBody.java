package dev.aigcdesk.api.wire;

public class WireAggregatorErrorBody {
    public String message;
    public String type;
    public String code;
}
