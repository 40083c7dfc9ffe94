package dev.aigcdesk.api.wire;

import com.squareup.moshi.Json;

public class WireResponse {
    @Json(name = "TaskType") public String taskType;
    @Json(name = "Status") public String status;
    @Json(name = "CreateTime") public String createTime;
    @Json(name = "BeginProcessTime") public String beginProcessTime;
    @Json(name = "FinishTime") public String finishTime;
    @Json(name = "AigcImageTask") public WireAigcTask aigcImageTask;
    @Json(name = "AigcVideoTask") public WireAigcTask aigcVideoTask;
    @Json(name = "RequestId") public String requestId;
    @Json(name = "Error") public WireError error;
}
