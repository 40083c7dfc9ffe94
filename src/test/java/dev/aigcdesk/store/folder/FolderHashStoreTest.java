package dev.aigcdesk.store.folder;

import dev.aigcdesk.store.HashStore;
import dev.aigcdesk.store.HashStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;

/** The contract on a shared folder. */
class FolderHashStoreTest extends HashStoreContract {

    @Override
    protected HashStore openStore(Path dir) {
        return new FolderHashStore(dir.resolve("team-files"));
    }

    @Override
    protected void damage(String key, byte[] bytes) throws Exception {
        Files.write(dir.resolve("team-files").resolve(key), bytes);
    }
}
