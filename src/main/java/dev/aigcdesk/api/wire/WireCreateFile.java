package dev.aigcdesk.api.wire;

import com.squareup.moshi.Json;

/** One input file of a create request: {@code {"type": "Url", "url": ...}} for a reference image by URL. */
public class WireCreateFile {
    @Json(name = "type")
    public String type;

    @Json(name = "url")
    public String url;

    @Json(name = "file_id")
    public String fileId;

    @Json(name = "text")
    public String text;
}
