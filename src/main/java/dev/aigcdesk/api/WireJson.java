package dev.aigcdesk.api;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.aigcdesk.api.wire.WireAggregatorError;
import dev.aigcdesk.api.wire.WireAigcTask;
import dev.aigcdesk.api.wire.WireRoot;
import java.io.IOException;
import java.util.Map;

/** The one Moshi set-up for reading the service's bodies. Thread-safe and immutable. */
final class WireJson {

    private final JsonAdapter<WireRoot> root;
    private final JsonAdapter<WireAggregatorError> aggregatorError;
    private final JsonAdapter<Object> any;
    private final JsonAdapter<WireAigcTask> task;

    WireJson() {
        Moshi moshi = new Moshi.Builder().add(new LenientJsonAdapters()).build();
        this.root = moshi.adapter(WireRoot.class);
        this.aggregatorError = moshi.adapter(WireAggregatorError.class);
        this.any = moshi.adapter(Object.class);
        this.task = moshi.adapter(WireAigcTask.class);
    }

    /**
     * The task object of an unknown task type: {@code Response.<TaskType>}, or else the one object in
     * {@code Response} that has an {@code Output}. Its files are archived like any other's.
     */
    WireAigcTask otherTask(String text, String taskType) {
        try {
            if (!(any.fromJson(text) instanceof Map<?, ?> root)
                    || !(root.get("Response") instanceof Map<?, ?> response)) {
                return null;
            }
            Object inner = taskType == null ? null : response.get(taskType);
            if (!(inner instanceof Map)) {
                inner = response.values().stream()
                        .filter(v -> v instanceof Map<?, ?> m && m.get("Output") instanceof Map)
                        .findFirst()
                        .orElse(null);
            }
            return inner instanceof Map ? task.fromJsonValue(inner) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    JsonAdapter<WireRoot> root() {
        return root;
    }

    JsonAdapter<WireAggregatorError> aggregatorError() {
        return aggregatorError;
    }
}
