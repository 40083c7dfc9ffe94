package dev.aigcdesk.api.wire;

import com.squareup.moshi.Json;

public class WireVideoStream {
    @Json(name = "Bitrate")
    public Long bitrate;

    @Json(name = "Height")
    public Long height;

    @Json(name = "Width")
    public Long width;

    @Json(name = "Codec")
    public String codec;

    @Json(name = "Codecs")
    public String codecs;

    @Json(name = "Fps")
    public Double fps;

    @Json(name = "CodecTag")
    public String codecTag;

    @Json(name = "DynamicRangeInfo")
    public WireDynamicRange dynamicRangeInfo;
}
