package dev.aigcdesk.api.wire;

import com.squareup.moshi.Json;

public class WireUsage {
    @Json(name = "InputTokens")
    public Long inputTokens;

    @Json(name = "ThoughtTokens")
    public Long thoughtTokens;

    @Json(name = "InputImageCount")
    public Long inputImageCount;

    @Json(name = "InputSeconds")
    public Double inputSeconds;

    @Json(name = "OutputSeconds")
    public Double outputSeconds;

    @Json(name = "TotalSeconds")
    public Double totalSeconds;
}
