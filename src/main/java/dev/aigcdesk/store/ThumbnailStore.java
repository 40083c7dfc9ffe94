package dev.aigcdesk.store;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tile-size thumbnails kept between runs, by the archived file's hash and the tile size. The window
 * asks this; it never writes a thumbnail file itself. {@link ThumbnailFolder} keeps them on disk.
 */
public interface ThumbnailStore {

    /** The kept thumbnail, when there is one. */
    Optional<Path> find(String sha256, int px);

    /** The kept poster frame of a video, when there is one. */
    Optional<Path> findPoster(String sha256);

    /** Keeps a thumbnail. */
    void store(String sha256, int px, BufferedImage image) throws IOException;

    /** Keeps a video's poster frame at its own size (the tiles scale it). */
    void storePoster(String sha256, BufferedImage frame) throws IOException;
}
