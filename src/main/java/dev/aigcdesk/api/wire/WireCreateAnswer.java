package dev.aigcdesk.api.wire;

import com.squareup.moshi.Json;

/** {@code {"Response": {"TaskId", "RequestId"}}}, or Tencent's error envelope. */
public class WireCreateAnswer {
    @Json(name = "Response")
    public Body response;

    public static class Body {
        @Json(name = "TaskId")
        public String taskId;

        @Json(name = "RequestId")
        public String requestId;

        @Json(name = "Error")
        public WireError error;
    }
}
