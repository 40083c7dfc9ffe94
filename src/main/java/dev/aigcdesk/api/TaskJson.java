package dev.aigcdesk.api;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.OutputFile;
import dev.aigcdesk.domain.TaskFailure;
import dev.aigcdesk.domain.TaskId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The app's own JSON for tasks: one object per line, with a fixed set of keys that scripts rely on. */
public final class TaskJson {

    private final JsonAdapter<Map<String, Object>> adapter;

    public TaskJson() {
        Moshi moshi = new Moshi.Builder().build();
        this.adapter = moshi.<Map<String, Object>>adapter(Types.newParameterizedType(Map.class, String.class, Object.class)).serializeNulls();
    }

    /** The summary line of {@code query --json}. */
    public String line(GenerationTask t) {
        return adapter.toJson(summary(t));
    }

    /** The line for an id whose query failed: the id and the error, nothing made up. */
    public String errorLine(TaskId id, String code, String message, String requestId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskId", id.value());
        m.put("error", error(code, null, message));
        m.put("requestId", requestId);
        return adapter.toJson(m);
    }

    /** Any ordered map of plain values (strings, numbers, booleans, lists, maps) as one line. */
    public String write(Map<String, Object> values) {
        return adapter.toJson(values);
    }

    public Map<String, Object> summary(GenerationTask t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskId", t.id().value());
        m.put("kind", t.kind().wireName());
        m.put("state", t.state().wireName());
        m.put("progress", t.progress());
        m.put("prompt", t.prompt());
        m.put("negativePrompt", t.negativePrompt());
        m.put("model", t.modelName());
        m.put("modelVersion", t.modelVersion());
        m.put("createTime", iso(t.times().created()));
        m.put("finishTime", iso(t.times().finished()));
        List<Object> files = new ArrayList<>();
        for (OutputFile f : t.outputs()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("url", f.url());
            fm.put("expireTime", iso(f.expireTime()));
            fm.put("storageMode", f.storageMode());
            fm.put("type", f.type());
            files.add(fm);
        }
        m.put("files", files);
        TaskFailure failure = t.failure();
        m.put("error", failure == null ? null : error(failure.code() == 0 ? null : Long.toString(failure.code()), failure.extCode(), failure.message()));
        m.put("requestId", t.requestId());
        return m;
    }

    private static Map<String, Object> error(String code, String extCode, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code);
        e.put("extCode", extCode == null || extCode.isEmpty() ? null : extCode);
        e.put("message", message == null || message.isEmpty() ? null : message);
        return e;
    }

    private static String iso(Instant i) {
        return i == null ? null : i.toString();
    }
}
