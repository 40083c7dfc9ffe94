package dev.aigcdesk.api;

import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;

/**
 * The chainhub query endpoint. The body comes back raw: errors arrive with any status and in
 * several shapes, and the ledger keeps the exact text.
 */
interface QueryService {

    @GET("tencent-vod/v1/query/{task_id}")
    Call<ResponseBody> query(@Path("task_id") String taskId);
}
