package dev.aigcdesk.api.wire;

import com.squareup.moshi.Json;

public class WireResponse {
    @Json(name = "TaskType")
    public String taskType;

    @Json(name = "Status")
    public String status;

    @Json(name = "CreateTime")
    public String createTime;

    @Json(name = "BeginProcessTime")
    public String beginProcessTime;

    @Json(name = "FinishTime")
    public String finishTime;

    @Json(name = "AigcImageTask")
    public WireAigcTask aigcImageTask;

    @Json(name = "AigcVideoTask")
    public WireAigcTask aigcVideoTask;
    /** The task object of a type the app does not know (e.g. AigcMusicTask), found by its TaskType; not read by Moshi itself. */
    public transient WireAigcTask otherTask;

    @Json(name = "RequestId")
    public String requestId;

    @Json(name = "Error")
    public WireError error;
}
