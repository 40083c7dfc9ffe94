package dev.aigcdesk.api.wire;

import com.squareup.moshi.Json;
import java.util.List;

public class WireMetaData {
    @Json(name = "Size")
    public Long size;

    @Json(name = "Container")
    public String container;

    @Json(name = "Bitrate")
    public Long bitrate;

    @Json(name = "Height")
    public Long height;

    @Json(name = "Width")
    public Long width;

    @Json(name = "Rotate")
    public Long rotate;

    @Json(name = "Duration")
    public Double duration;

    @Json(name = "VideoDuration")
    public Double videoDuration;

    @Json(name = "AudioDuration")
    public Double audioDuration;

    @Json(name = "Md5")
    public String md5;

    @Json(name = "VideoStreamSet")
    public List<WireVideoStream> videoStreamSet;

    @Json(name = "AudioStreamSet")
    public List<WireAudioStream> audioStreamSet;
}
