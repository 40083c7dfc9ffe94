package dev.aigcdesk.domain;

/** A file given to the model as input (a reference image, a first frame...). */
public record ReferenceInput(
        String type, String category, String url, String fileId, String text, String usage, String referenceType) {}
