package dev.aigcdesk.api.wire;

import com.squareup.moshi.Json;

public class WireOutputFile {
    @Json(name = "StorageMode")
    public String storageMode;

    @Json(name = "FileUrl")
    public String fileUrl;

    @Json(name = "ExpireTime")
    public String expireTime;

    @Json(name = "FileType")
    public String fileType;

    @Json(name = "FileId")
    public String fileId;

    @Json(name = "MediaName")
    public String mediaName;

    @Json(name = "ClassId")
    public Long classId;

    @Json(name = "MetaData")
    public WireMetaData metaData;

    @Json(name = "FileContent")
    public String fileContent;

    @Json(name = "UsageType")
    public String usageType;
}
