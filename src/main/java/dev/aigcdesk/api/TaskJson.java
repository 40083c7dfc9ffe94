package dev.aigcdesk.api;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.OutputConfig;
import dev.aigcdesk.domain.OutputFile;
import dev.aigcdesk.domain.TaskFailure;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.domain.TaskTimes;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The app's own JSON for tasks: one object per line, with a fixed set of keys that scripts rely on. */
public final class TaskJson {

    private record Adapters(JsonAdapter<Map<String, Object>> map, JsonAdapter<List<Object>> list) {}

    private Adapters adapters;

    /** Moshi is set up on first use: a session is made (and the window shown) before anything is written. */
    private synchronized Adapters adapters() {
        if (adapters == null) {
            Moshi moshi = new Moshi.Builder().build();
            adapters = new Adapters(
                    moshi.<Map<String, Object>>adapter(
                                    Types.newParameterizedType(Map.class, String.class, Object.class))
                            .serializeNulls(),
                    moshi.<List<Object>>adapter(Types.newParameterizedType(List.class, Object.class))
                            .serializeNulls());
        }
        return adapters;
    }

    /** Any list of plain values as one line. */
    public String writeList(List<Object> values) {
        return adapters().list().toJson(values);
    }

    /** The summary line of {@code query --json}. */
    public String line(GenerationTask t) {
        return adapters().map().toJson(summary(t));
    }

    /** The line for an id whose query failed: the id and the error, nothing made up. */
    public String errorLine(TaskId id, String code, String message, String requestId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskId", id.value());
        m.put("error", error(code, null, message));
        m.put("requestId", requestId);
        return adapters().map().toJson(m);
    }

    /** Any ordered map of plain values (strings, numbers, booleans, lists, maps) as one line. */
    public String write(Map<String, Object> values) {
        return adapters().map().toJson(values);
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
        m.put(
                "error",
                failure == null
                        ? null
                        : error(
                                failure.code() == 0 ? null : Long.toString(failure.code()),
                                failure.extCode(),
                                failure.message()));
        m.put("requestId", t.requestId());
        return m;
    }

    /**
     * A task back from its {@link #summary} (embedded in every archived PNG and every sidecar): what
     * {@code repair} rebuilds a library from when the library itself is gone. Empty when the text is not one.
     */
    public Optional<GenerationTask> readSummary(String json) {
        Map<String, Object> m;
        try {
            m = adapters().map().fromJson(json);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (m == null || !(m.get("taskId") instanceof String id) || !TaskId.isValid(id)) {
            return Optional.empty();
        }
        TaskId taskId = TaskId.parse(id);
        List<OutputFile> files = new ArrayList<>();
        if (m.get("files") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> f && f.get("url") instanceof String url) {
                    files.add(new OutputFile(
                            url,
                            instant(f.get("expireTime")),
                            text(f.get("storageMode")),
                            text(f.get("type")),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null));
                }
            }
        }
        TaskFailure failure = null;
        if (m.get("error") instanceof Map<?, ?> e) {
            long code = e.get("code") instanceof String c && c.matches("-?\\d{1,18}") ? Long.parseLong(c) : 0;
            failure = new TaskFailure(
                    code,
                    text(e.get("extCode")) == null ? "" : text(e.get("extCode")),
                    text(e.get("message")) == null ? "" : text(e.get("message")));
        }
        TaskState state;
        try {
            state = m.get("state") instanceof String st ? TaskState.parseWireName(st) : TaskState.UNKNOWN;
        } catch (IllegalArgumentException unknown) {
            state = TaskState.UNKNOWN;
        }
        int progress = m.get("progress") instanceof Number n ? n.intValue() : 0;
        return Optional.of(new GenerationTask(
                taskId,
                taskId.kind(),
                state,
                progress,
                text(m.get("prompt")),
                text(m.get("negativePrompt")),
                null,
                text(m.get("model")),
                text(m.get("modelVersion")),
                null,
                null,
                null,
                OutputConfig.EMPTY,
                List.of(),
                new TaskTimes(instant(m.get("createTime")), null, instant(m.get("finishTime"))),
                text(m.get("requestId")),
                failure,
                files));
    }

    private static String text(Object o) {
        return o instanceof String s ? s : null;
    }

    private static Instant instant(Object o) {
        try {
            return o instanceof String s ? Instant.parse(s) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
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
