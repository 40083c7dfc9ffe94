package dev.aigcdesk.api.wire;

import com.squareup.moshi.Json;

/** The output settings of a create request; video adds duration (a JSON number) and audio. */
public class WireCreateOutputConfig {
    @Json(name = "storage_mode")
    public String storageMode;

    @Json(name = "resolution")
    public String resolution;

    @Json(name = "aspect_ratio")
    public String aspectRatio;

    @Json(name = "person_generation")
    public String personGeneration;

    @Json(name = "duration")
    public Double duration;

    @Json(name = "audio_generation")
    public String audioGeneration;
}
