package dev.aigcdesk.ui.preview;

import dev.aigcdesk.library.FileRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.image.Image;

/**
 * Images decoded in the background at the size they are shown, kept in a bounded LRU cache.
 * Files flagged as oversized are never decoded.
 */
public final class Thumbnails {

    private final int capacity;
    private final Map<String, Image> cache;

    public Thumbnails(int capacity) {
        this.capacity = capacity;
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
        Image img = new Image(url, px, px, true, true, true);
        cache.put(key, img);
        return Optional.of(img);
    }
}
