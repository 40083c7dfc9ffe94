package dev.aigcdesk.library;

import java.nio.file.Path;
import java.util.List;

/**
 * A task taken out of the library: what Undo needs to put it back (its answers, and how it was made if it
 * was made here), and the local files it had.
 *
 * @param made null for a task added by id
 */
public record Removal(TaskRecord record, Library.RawAnswers raw, List<Path> files, Creations.Made made) {}
