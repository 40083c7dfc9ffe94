package dev.aigcdesk.ui.preview;

import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.store.ThumbnailStore;
import dev.aigcdesk.ui.common.UiExecutor;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.image.Image;
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

    /** Pixels kept decoded at most: a 180 px tile is 130 KB (0.5 MB on a HiDPI screen); a full view needs a few dozen. */
    static final long BUDGET_BYTES = 24L * 1024 * 1024;

    private final int capacity;
    private long bytes;
    private final Map<String, Image> cache;
    private final ThumbnailStore disk;
    private final ThumbnailWrites writes;
    private final UiExecutor ui;
    private final Function<Path, Optional<BufferedImage>> posters;
    /** Videos whose poster is being made or could not be made this run: asked once. */
    private final Set<String> posterTried = new HashSet<>();

    private final IntegerProperty postersMade = new SimpleIntegerProperty();
    /** Poster frames found or made this run, by the video's checksum (read on the JavaFX thread only). */
    private final Map<String, Path> posterFiles = new HashMap<>();
    /** Videos whose poster is being made right now. */
    private final Set<String> postersPending = new HashSet<>();

    /** @param disk where thumbnails and poster frames are kept between runs, or null for none (then videos have no poster) */
    public Thumbnails(
            int capacity, ThumbnailStore disk, Function<Path, Optional<BufferedImage>> posters, UiExecutor ui) {
        this.capacity = capacity;
        this.disk = disk;
        this.writes = disk == null ? null : new ThumbnailWrites(disk, ui);
        this.posters = posters;
        this.ui = ui;
        this.cache = new LinkedHashMap<>(capacity, 0.75f, true);
    }

    /** Runs {@code r} once, the next time a poster frame is made (a cell waiting for its video's poster redraws then). */
    public void onNextPoster(Runnable r) {
        postersMade.addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                postersMade.removeListener(this);
                r.run();
            }
        });
    }

    /** Poster frames being made now (a snapshot waits for them). */
    public int postersPending() {
        return postersPending.size();
    }

    /** Whether {@code f}'s poster frame is being made now (so it is worth waiting for). */
    public boolean posterComing(FileRecord f) {
        return f != null && f.sha256Final() != null && postersPending.contains(f.sha256Final());
    }

    /** Counts the poster frames made this run; views redraw when it changes. */
    public ReadOnlyIntegerProperty postersMadeProperty() {
        return postersMade;
    }

    /**
     * An image for the file at about {@code size} px on its long side, or empty if it cannot be shown.
     * For an archived video that is its poster frame; the first ask starts making it in the background.
     */
    public Optional<Image> of(FileRecord f, double size) {
        if (f != null && f.file().isVideo()) {
            return poster(f, size);
        }
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
        Optional<Path> stored = keep ? disk.find(f.sha256Final(), px) : Optional.empty();
        Image img = new Image(stored.map(p -> p.toUri().toString()).orElse(url), px, px, true, true, true);
        if (keep && stored.isEmpty()) {
            img.progressProperty().addListener((o, a, b) -> {
                if (b.doubleValue() >= 1 && !img.isError()) {
                    writes.offer(f.sha256Final(), px, img);
                }
            });
        }
        keep(key, img, px);
        return Optional.of(img);
    }

    /**
     * Keeps a decoded image, letting the least recently shown go once the cache holds more than
     * {@link #BUDGET_BYTES} of pixels or {@code capacity} images: scrolling 100k tiles must not keep them all.
     */
    private void keep(String key, Image img, int px) {
        Image old = cache.put(key, img);
        if (old == null) {
            bytes += weight(px);
        }
        var it = cache.entrySet().iterator();
        while ((bytes > BUDGET_BYTES || cache.size() > capacity) && it.hasNext()) {
            var eldest = it.next();
            if (eldest.getKey().equals(key)) {
                break;
            }
            bytes -= weight(pxOf(eldest.getKey()));
            it.remove();
        }
    }

    private static long weight(int px) {
        return 4L * px * px;
    }

    private static int pxOf(String key) {
        return Integer.parseInt(key.substring(key.lastIndexOf('@') + 1));
    }

    private Optional<Image> poster(FileRecord f, double size) {
        if (disk == null || !f.isArchived() || f.localPath() == null || f.sha256Final() == null) {
            return Optional.empty();
        }
        int px = (int) Math.ceil(size);
        String key = "poster:" + f.sha256Final() + "@" + px;
        Image cached = cache.get(key);
        if (cached != null && !cached.isError()) {
            return Optional.of(cached);
        }
        String sha = f.sha256Final();
        Path known = posterFiles.get(sha);
        if (known != null) {
            Image img = new Image(known.toUri().toString(), px, px, true, true, true);
            keep(key, img, px);
            return Optional.of(img);
        }
        Path video = f.localPath();
        if (posterTried.add(sha)) {
            // Looked for on disk, and made if missing, in the background: the JavaFX thread touches no file here.
            postersPending.add(sha);
            ui.run(
                    () -> {
                        Optional<Path> stored = disk.findPoster(sha);
                        if (stored.isPresent()) {
                            return stored;
                        }
                        Optional<BufferedImage> frame = posters.apply(video);
                        if (frame.isEmpty()) {
                            return Optional.<Path>empty();
                        }
                        disk.storePoster(sha, frame.get());
                        return disk.findPoster(sha);
                    },
                    stored -> {
                        postersPending.remove(sha);
                        if (stored.isPresent()) {
                            posterFiles.put(sha, stored.get());
                            postersMade.set(postersMade.get() + 1);
                        }
                    },
                    e -> {
                        postersPending.remove(sha);
                        LOG.info("Could not keep a poster frame: {}", e.toString());
                    });
        }
        return Optional.empty();
    }
}
