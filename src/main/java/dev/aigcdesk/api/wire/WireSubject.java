package dev.aigcdesk.api.wire;

import com.squareup.moshi.Json;
import java.util.List;

public class WireSubject {
    @Json(name = "Id")
    public String id;

    @Json(name = "Name")
    public String name;

    @Json(name = "VoiceId")
    public String voiceId;

    @Json(name = "ImageUrls")
    public List<String> imageUrls;

    @Json(name = "VideoUrls")
    public List<String> videoUrls;
}
