package dev.aigcdesk.api.wire;

import com.squareup.moshi.Json;

/** {@code AigcImageTask} and {@code AigcVideoTask} share this shape. */
public class WireAigcTask {
    @Json(name = "TaskId")
    public String taskId;

    @Json(name = "Status")
    public String status;

    @Json(name = "ErrCode")
    public Long errCode;

    @Json(name = "ErrCodeExt")
    public String errCodeExt;

    @Json(name = "Message")
    public String message;

    @Json(name = "Progress")
    public Long progress;

    @Json(name = "Input")
    public WireInput input;

    @Json(name = "Output")
    public WireOutput output;

    @Json(name = "SessionId")
    public String sessionId;

    @Json(name = "SessionContext")
    public String sessionContext;
}
