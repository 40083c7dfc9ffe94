package dev.aigcdesk.api.wire;

import com.squareup.moshi.Json;

/** Image and video output configs in one class. */
public class WireOutputConfig {
    @Json(name = "StorageMode")
    public String storageMode;

    @Json(name = "MediaName")
    public String mediaName;

    @Json(name = "ClassId")
    public Long classId;

    @Json(name = "ExpireTime")
    public String expireTime;

    @Json(name = "Resolution")
    public String resolution;

    @Json(name = "AspectRatio")
    public String aspectRatio;

    @Json(name = "PersonGeneration")
    public String personGeneration;

    @Json(name = "InputComplianceCheck")
    public String inputComplianceCheck;

    @Json(name = "OutputComplianceCheck")
    public String outputComplianceCheck;

    @Json(name = "OutputImageCount")
    public Long outputImageCount;

    @Json(name = "OutputFormat")
    public String outputFormat;

    @Json(name = "LogoAdd")
    public String logoAdd;

    @Json(name = "Duration")
    public Double duration;

    @Json(name = "AudioGeneration")
    public String audioGeneration;

    @Json(name = "EnhanceSwitch")
    public String enhanceSwitch;

    @Json(name = "OffPeak")
    public String offPeak;

    @Json(name = "FrameInterpolate")
    public String frameInterpolate;

    @Json(name = "EnableBGM")
    public String enableBgm;
}
