package dev.aigcdesk.api;

import dev.aigcdesk.domain.GenerationTask;

/** A task as the service described it, with the exact body it sent, so nothing it said is lost. */
public record QueryResult(GenerationTask task, String rawJson) {}
