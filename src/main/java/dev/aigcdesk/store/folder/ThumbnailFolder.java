package dev.aigcdesk.store.folder;

import dev.aigcdesk.io.AtomicFiles;
import dev.aigcdesk.io.PngFiles;
import dev.aigcdesk.store.ThumbnailStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Tile-size thumbnails kept on disk, named by the archived file's hash and the size, so a restart
 * shows the gallery without decoding every picture again. A damaged or missing entry is just made again.
 */
public final class ThumbnailFolder implements ThumbnailStore {

    /** The size slot of poster frames: no tile is 0 px. */
    private static final int POSTER = 0;

    private final Path folder;

    public ThumbnailFolder(Path folder) {
        this.folder = folder;
    }

    /** The cached thumbnail, when there is one; marked as shown (a capped cache lets the least recently shown go first). */
    @Override
    public Optional<Path> find(String sha256, int px) {
        Path p = path(sha256, px);
        BasicFileAttributes attributes;
        try {
            // One look at the disk (the gallery asks on the window's thread): whether it is there, and when last shown.
            attributes = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        // At most once an hour a thumbnail: a scroll through thousands writes little.
        if (attributes.lastModifiedTime().toInstant().isBefore(now.minus(Duration.ofHours(1)))) {
            try {
                Files.setLastModifiedTime(p, FileTime.from(now));
            } catch (IOException e) {
                // Only its place in the cache's order is lost.
            }
        }
        return Optional.of(p);
    }

    /** The cached poster frame of a video, when there is one. */
    @Override
    public Optional<Path> findPoster(String sha256) {
        return find(sha256, POSTER);
    }

    /** Keeps a video's poster frame at its own size (the tiles scale it). */
    @Override
    public void storePoster(String sha256, BufferedImage frame) throws IOException {
        store(sha256, POSTER, frame);
    }

    /** Keeps a thumbnail (written beside, then moved into place). */
    @Override
    public void store(String sha256, int px, BufferedImage image) throws IOException {
        Path target = path(sha256, px);
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            PngFiles.write(image, tmp);
            AtomicFiles.replace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Path path(String sha256, int px) {
        String safe = sha256.replaceAll("[^0-9a-fA-F]", "");
        String name = px == POSTER ? safe + "-poster.png" : safe + "-" + px + ".png";
        return folder.resolve(safe.length() < 4 ? "x" : safe.substring(0, 2)).resolve(name);
    }
}
