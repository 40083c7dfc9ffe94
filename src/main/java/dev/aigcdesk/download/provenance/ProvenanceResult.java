package dev.aigcdesk.download.provenance;

import java.nio.file.Path;

/** How provenance was recorded: inside the file, or in a sidecar beside it (with the reason). */
public record ProvenanceResult(Path file, Path sidecar, String note) {

    public boolean embedded() {
        return sidecar == null;
    }
}
