package dev.aigcdesk.api;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.aigcdesk.api.wire.WireAggregatorError;
import dev.aigcdesk.api.wire.WireRoot;

/** The one Moshi set-up for reading the service's bodies. Thread-safe and immutable. */
final class WireJson {

    private final JsonAdapter<WireRoot> root;
    private final JsonAdapter<WireAggregatorError> aggregatorError;

    WireJson() {
        Moshi moshi = new Moshi.Builder().add(new LenientJsonAdapters()).build();
        this.root = moshi.adapter(WireRoot.class);
        this.aggregatorError = moshi.adapter(WireAggregatorError.class);
    }

    JsonAdapter<WireRoot> root() {
        return root;
    }

    JsonAdapter<WireAggregatorError> aggregatorError() {
        return aggregatorError;
    }
}
