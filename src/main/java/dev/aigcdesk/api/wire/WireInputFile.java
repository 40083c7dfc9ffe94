package dev.aigcdesk.api.wire;

import com.squareup.moshi.Json;

public class WireInputFile {
    @Json(name = "Type")
    public String type;

    @Json(name = "Category")
    public String category;

    @Json(name = "FileId")
    public String fileId;

    @Json(name = "Url")
    public String url;

    @Json(name = "Base64")
    public String base64;

    @Json(name = "Text")
    public String text;

    @Json(name = "ReferenceType")
    public String referenceType;

    @Json(name = "ObjectId")
    public String objectId;

    @Json(name = "VoiceId")
    public String voiceId;

    @Json(name = "KeepOriginalSound")
    public String keepOriginalSound;

    @Json(name = "Usage")
    public String usage;
}
