package dev.aigcdesk.store.folder;

import dev.aigcdesk.download.DownloadException;
import dev.aigcdesk.download.Downloader;
import dev.aigcdesk.download.Hashes;
import dev.aigcdesk.download.provenance.ProvenanceWriter;
import dev.aigcdesk.io.AtomicFiles;
import dev.aigcdesk.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The archive as a folder on the designer's disk: a folder per month, files named for people
 * ("20261130-0900-a-lighthouse-at-dawn-1.png"), sidecars beside the files that cannot carry their task,
 * and a hidden {@code .incoming} folder for downloads under way.
 */
public final class FolderStore implements Store {

    static final String INCOMING = ".incoming";

    private final Path root;

    public FolderStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The folder itself. */
    public Path root() {
        return root;
    }

    @Override
    public Path staging() throws IOException {
        return Files.createDirectories(root.resolve(INCOMING));
    }

    @Override
    public Path reserve(String shelf, String name, String sha256) throws IOException, DownloadException {
        Path folder = Downloader.resolveInside(root, shelf);
        Path target = Downloader.resolveInside(folder, name);
        Files.createDirectories(folder);
        if (Files.exists(target) && !Hashes.sha256(target).equals(sha256)) {
            target = Downloader.freeName(target);
        }
        return target;
    }

    @Override
    public void put(Path verified, Path sidecar, Path place) throws IOException {
        if (sidecar != null) {
            AtomicFiles.replace(sidecar, ProvenanceWriter.sidecarOf(place));
        }
        AtomicFiles.replace(verified, place);
    }

    @Override
    public boolean holds(Path place, String sha256) {
        if (place == null || sha256 == null || !Files.isRegularFile(place)) {
            return false;
        }
        try {
            return Hashes.sha256(place).equals(sha256);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public List<Path> files() throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path f : (Iterable<Path>) all::iterator) {
                String name = f.getFileName().toString();
                if (Files.isRegularFile(f)
                        && !name.endsWith(".json")
                        && !name.startsWith(".")
                        && !f.startsWith(root.resolve(INCOMING))) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    @Override
    public String location() {
        return root.toString();
    }
}
