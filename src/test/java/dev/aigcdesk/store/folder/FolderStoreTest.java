package dev.aigcdesk.store.folder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.store.Store;
import dev.aigcdesk.store.StoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The contract on a folder, and what only a folder promises: staging beside the files, so placing is one atomic move. */
class FolderStoreTest extends StoreContract {

    @Override
    protected Store openStore(Path dir) {
        return new FolderStore(dir.resolve("archive"));
    }

    @Test
    void stagingSitsInsideTheFolderHiddenAndIsNeverListed() throws Exception {
        Path staging = store.staging();
        assertThat(staging.getParent())
                .isEqualTo(dir.resolve("archive").toAbsolutePath().normalize());
        assertThat(staging.getFileName().toString()).startsWith(".");
        Files.writeString(staging.resolve("half.part"), "half");
        assertThat(store.files()).isEmpty();
        assertThat(store.location())
                .isEqualTo(dir.resolve("archive").toAbsolutePath().normalize().toString());
    }
}
