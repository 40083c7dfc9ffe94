package dev.aigcdesk.api.wire;

import com.squareup.moshi.Json;

public class WireDynamicRange {
    @Json(name = "Type")
    public String type;

    @Json(name = "HDRType")
    public String hdrType;
}
