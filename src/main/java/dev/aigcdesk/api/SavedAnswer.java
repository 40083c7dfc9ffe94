package dev.aigcdesk.api;

import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.TaskId;

/** Reads an answer the ledger saved earlier, exactly as a live one, for repairs and re-imports. */
public final class SavedAnswer {

    private static final ResponseDecoder DECODER = new ResponseDecoder(new WireJson());

    private SavedAnswer() {}

    public static GenerationTask parse(TaskId id, String rawJson) throws ApiException {
        return DECODER.decode(id, 200, rawJson, null).task();
    }
}
