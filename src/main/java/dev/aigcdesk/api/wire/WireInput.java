package dev.aigcdesk.api.wire;

import com.squareup.moshi.Json;
import java.util.List;

/** Image and video inputs in one class; the fields one kind lacks stay null. */
public class WireInput {
    @Json(name = "ModelName")
    public String modelName;

    @Json(name = "ModelVersion")
    public String modelVersion;

    @Json(name = "FileInfos")
    public List<WireInputFile> fileInfos;

    @Json(name = "LastFrameFileId")
    public String lastFrameFileId;

    @Json(name = "LastFrameUrl")
    public String lastFrameUrl;

    @Json(name = "Prompt")
    public String prompt;

    @Json(name = "NegativePrompt")
    public String negativePrompt;

    @Json(name = "EnhancePrompt")
    public String enhancePrompt;

    @Json(name = "GenerationMode")
    public String generationMode;

    @Json(name = "OutputConfig")
    public WireOutputConfig outputConfig;

    @Json(name = "InputRegion")
    public String inputRegion;

    @Json(name = "SceneType")
    public String sceneType;

    @Json(name = "Seed")
    public Long seed;

    @Json(name = "SubjectInfos")
    public List<WireSubject> subjectInfos;
}
