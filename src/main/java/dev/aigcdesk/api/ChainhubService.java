package dev.aigcdesk.api;

import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;

/**
 * The chainhub endpoints: the query, and the two that start generations. Bodies come back raw:
 * errors arrive with any status and in several shapes, and the ledger keeps the exact text. Creates
 * go out as the JSON {@link CreateClient} wrote from typed Moshi classes (the ledger keeps it too).
 */
interface ChainhubService {

    @GET("tencent-vod/v1/query/{task_id}")
    Call<ResponseBody> query(@Path("task_id") String taskId);

    @POST("tencent-vod/v1/aigc-image")
    Call<ResponseBody> createImage(@Body RequestBody body);

    @POST("tencent-vod/v1/aigc-video")
    Call<ResponseBody> createVideo(@Body RequestBody body);
}
