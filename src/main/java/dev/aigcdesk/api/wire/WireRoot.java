package dev.aigcdesk.api.wire;

import com.squareup.moshi.Json;

/** The whole body: {@code {"Response": {...}}}. Aggregator errors use the lower-case keys. */
public class WireRoot {
    @Json(name = "Response")
    public WireResponse response;
}
