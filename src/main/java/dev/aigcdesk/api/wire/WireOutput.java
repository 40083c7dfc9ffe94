package dev.aigcdesk.api.wire;

import com.squareup.moshi.Json;
import java.util.List;

public class WireOutput {
    @Json(name = "FileInfos")
    public List<WireOutputFile> fileInfos;

    @Json(name = "ProcedureTaskIds")
    public List<String> procedureTaskIds;

    @Json(name = "Usage")
    public WireUsage usage;
}
