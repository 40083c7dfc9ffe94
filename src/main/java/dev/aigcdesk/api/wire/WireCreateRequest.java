package dev.aigcdesk.api.wire;

import com.squareup.moshi.Json;
import java.util.List;

/** The body of {@code POST aigc-image} and {@code aigc-video}, in the gateway's snake_case. Null fields are left out. */
public class WireCreateRequest {
    @Json(name = "model_name")
    public String modelName;

    @Json(name = "model_version")
    public String modelVersion;

    @Json(name = "prompt")
    public String prompt;

    @Json(name = "negative_prompt")
    public String negativePrompt;

    @Json(name = "enhance_prompt")
    public String enhancePrompt;

    @Json(name = "file_infos")
    public List<WireCreateFile> fileInfos;

    @Json(name = "last_frame_url")
    public String lastFrameUrl;

    @Json(name = "output_config")
    public WireCreateOutputConfig outputConfig;
}
