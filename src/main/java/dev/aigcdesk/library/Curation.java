package dev.aigcdesk.library;

import java.util.List;

/**
 * What the designer said about a task: stars (0–5, 0 for none), tags (their first spelling), and
 * the collections it is in. Part of the task's record everywhere: lists, JSON, exports, provenance.
 */
public record Curation(int stars, List<String> tags, List<String> collections) {

    public static final Curation NONE = new Curation(0, List.of(), List.of());

    public Curation {
        if (stars < 0 || stars > 5) {
            throw new IllegalArgumentException("Stars go from 0 to 5, not " + stars);
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
        collections = collections == null ? List.of() : List.copyOf(collections);
    }
}
