package dev.aigcdesk.library;

import java.time.Instant;
import java.util.Map;

/**
 * Who did what to a task, in a team library: who added it, who gave it its stars and when (the last
 * one wins), who put each tag and collection on it. A desktop's own library leaves these empty.
 *
 * @param tags        tag name → who added it
 * @param collections collection name → who put the task in it
 */
public record Authors(
        String addedBy, String starsBy, Instant starsAt, Map<String, String> tags, Map<String, String> collections) {

    public static final Authors NONE = new Authors(null, null, null, Map.of(), Map.of());

    public Authors {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        collections = collections == null ? Map.of() : Map.copyOf(collections);
    }
}
