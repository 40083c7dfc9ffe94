package dev.aigcdesk.ui.preview;

import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.system.ThumbnailFiles;
import dev.aigcdesk.ui.common.UiExecutor;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Images decoded in the background at the size they are shown, kept in a bounded LRU cache; for
 * archived files, also on disk (by hash and size), so a restart does not decode them again.
 * Files flagged as oversized are never decoded.
 */
public final class Thumbnails {

    private static final Logger LOG = LoggerFactory.getLogger(Thumbnails.class);
    /** Only tile-size pictures go to disk; the detail's large previews are not worth keeping twice. */
    private static final int MAX_DISK_PX = 720;

    private final int capacity;
    private final Map<String, Image> cache;
    private final ThumbnailFiles disk;
    private final UiExecutor ui;

    public Thumbnails(int capacity, ThumbnailFiles disk, UiExecutor ui) {
        this.capacity = capacity;
        this.disk = disk;
        this.ui = ui;
        this.cache = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
                return size() > Thumbnails.this.capacity;
            }
        };
    }

    /** An image for the file at about {@code size} px on its long side, or empty if it cannot be shown. */
    public Optional<Image> of(FileRecord f, double size) {
        if (f == null || !f.file().isImage() || f.flags().contains(FileRecord.FLAG_OVERSIZED)) {
            return Optional.empty();
        }
        String url = f.bestSource();
        if (url == null || !(url.startsWith("file:") || url.startsWith("http"))) {
            return Optional.empty();
        }
        int px = (int) Math.ceil(size);
        String key = url + "@" + px;
        Image cached = cache.get(key);
        if (cached != null && !cached.isError()) {
            return Optional.of(cached);
        }
        boolean keep = disk != null && f.isArchived() && f.sha256Final() != null && px <= MAX_DISK_PX;
        Optional<java.nio.file.Path> stored = keep ? disk.find(f.sha256Final(), px) : Optional.empty();
        Image img = new Image(stored.map(p -> p.toUri().toString()).orElse(url), px, px, true, true, true);
        if (keep && stored.isEmpty()) {
            img.progressProperty().addListener((o, a, b) -> {
                if (b.doubleValue() >= 1 && !img.isError()) {
                    store(f.sha256Final(), px, img);
                }
            });
        }
        cache.put(key, img);
        return Optional.of(img);
    }

    /** Copies the decoded pixels (on the JavaFX thread, where the image lives), then writes them in the background. */
    private void store(String sha, int px, Image img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        PixelReader r = img.getPixelReader();
        if (r == null || w <= 0 || h <= 0) {
            return;
        }
        int[] argb = new int[w * h];
        r.getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        ui.run(() -> {
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            out.setRGB(0, 0, w, h, argb, 0, w);
            disk.store(sha, px, out);
            return sha;
        }, done -> LOG.debug("Kept a {} px thumbnail of {}", px, sha), e -> LOG.info("Could not keep a thumbnail: {}", e.toString()));
    }
}
