package dev.aigcdesk.library;

import java.util.List;

/**
 * What the sidebar offers to filter by, with its counts, read in one go: the collections and tags
 * (each with how many tasks carry it), how many tasks are starred, and every model, aspect ratio and
 * resolution the library holds.
 */
public record Facets(
        List<Curator.Named> collections,
        List<Curator.Named> tags,
        int starred,
        List<String> models,
        List<String> aspectRatios,
        List<String> resolutions) {

    public static final Facets NONE = new Facets(List.of(), List.of(), 0, List.of(), List.of(), List.of());

    public Facets {
        collections = List.copyOf(collections);
        tags = List.copyOf(tags);
        models = List.copyOf(models);
        aspectRatios = List.copyOf(aspectRatios);
        resolutions = List.copyOf(resolutions);
    }

    /** The values one filter offers. */
    public List<String> values(Library.Facet facet) {
        return switch (facet) {
            case MODEL -> models;
            case ASPECT_RATIO -> aspectRatios;
            case RESOLUTION -> resolutions;
        };
    }
}
