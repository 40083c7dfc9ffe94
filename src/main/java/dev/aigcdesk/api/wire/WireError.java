package dev.aigcdesk.api.wire;

import com.squareup.moshi.Json;

public class WireError {
    @Json(name = "Code")
    public String code;

    @Json(name = "Message")
    public String message;
}
