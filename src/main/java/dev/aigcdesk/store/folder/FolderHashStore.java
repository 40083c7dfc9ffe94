package dev.aigcdesk.store.folder;

import dev.aigcdesk.download.Hashes;
import dev.aigcdesk.io.AtomicFiles;
import dev.aigcdesk.store.HashStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The team's files in a shared folder (a NAS), laid out as in a bucket: {@code sha256/ab/cd/<hash>.<ext>}. */
public final class FolderHashStore implements HashStore {

    private final Path root;

    public FolderHashStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    private Path placeOf(String sha256, String ext) {
        return root.resolve(HashStore.keyOf(sha256, ext));
    }

    @Override
    public boolean has(String sha256, String ext) {
        return Files.isRegularFile(placeOf(sha256, ext));
    }

    @Override
    public boolean put(Path file, String sha256, String ext) throws IOException {
        Path place = placeOf(sha256, ext);
        if (Files.isRegularFile(place)) {
            return false;
        }
        Files.createDirectories(place.getParent());
        Path tmp = Files.createTempFile(place.getParent(), ".put-", ".part");
        try {
            Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
            String got = Hashes.sha256(tmp);
            if (!got.equals(sha256)) {
                throw new IOException("Refused to keep " + file.getFileName() + " under " + sha256
                        + ": its bytes have the hash " + got);
            }
            AtomicFiles.replace(tmp, place);
            return true;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void get(String sha256, String ext, Path target) throws IOException {
        Path place = placeOf(sha256, ext);
        if (!Files.isRegularFile(place)) {
            throw new IOException("The team's folder " + root + " does not hold " + HashStore.keyOf(sha256, ext));
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".get-", ".part");
        try {
            Files.copy(place, tmp, StandardCopyOption.REPLACE_EXISTING);
            String got = Hashes.sha256(tmp);
            if (!got.equals(sha256)) {
                throw new IOException("The team's copy of " + HashStore.keyOf(sha256, ext) + " is damaged (its hash is "
                        + got + "); nothing was written");
            }
            AtomicFiles.replace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public String location() {
        return root.toString();
    }
}
