package dev.aigcdesk.api.wire;

import com.squareup.moshi.Json;

public class WireAudioStream {
    @Json(name = "Bitrate")
    public Long bitrate;

    @Json(name = "SamplingRate")
    public Long samplingRate;

    @Json(name = "Codec")
    public String codec;
}
