package dev.aigcdesk.ui.preview;

import dev.aigcdesk.store.ThumbnailStore;
import dev.aigcdesk.ui.common.UiExecutor;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes decoded thumbnails to the disk cache one at a time, from the JavaFX thread's side.
 *
 * <p>Scrolling fast through a large library decodes tiles faster than PNGs are written. Each write
 * copies its pixels only when it starts, and at most {@link #WAITING} wait: when more arrive, the
 * oldest waiting is dropped (it scrolled away; it is written the next time it is decoded). Copying
 * every decoded tile at once held some 60 MB of pixel copies in the queue while scrolling 100k tiles.
 */
final class ThumbnailWrites {

    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailWrites.class);
    static final int WAITING = 16;

    private record Write(String sha, int px, Image image) {}

    private final ThumbnailStore disk;
    private final UiExecutor ui;
    private final Deque<Write> waiting = new ArrayDeque<>();
    private boolean writing;

    ThumbnailWrites(ThumbnailStore disk, UiExecutor ui) {
        this.disk = disk;
        this.ui = ui;
    }

    /** Asks for {@code image} to be kept as {@code sha}'s {@code px} thumbnail. Call on the JavaFX thread. */
    void offer(String sha, int px, Image image) {
        if (waiting.size() >= WAITING) {
            Write dropped = waiting.removeFirst();
            LOG.debug("Thumbnail write of {} dropped: {} waiting", dropped.sha(), WAITING);
        }
        waiting.addLast(new Write(sha, px, image));
        next();
    }

    /** Writes waiting to start. */
    int waiting() {
        return waiting.size();
    }

    private void next() {
        if (writing) {
            return;
        }
        Write w = waiting.pollFirst();
        if (w == null) {
            return;
        }
        int[] argb = pixels(w.image());
        if (argb == null) {
            next();
            return;
        }
        writing = true;
        int width = (int) w.image().getWidth();
        int height = (int) w.image().getHeight();
        ui.run(
                () -> {
                    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
                    out.setRGB(0, 0, width, height, argb, 0, width);
                    disk.store(w.sha(), w.px(), out);
                    return w.sha();
                },
                done -> {
                    LOG.debug("Kept a {} px thumbnail of {}", w.px(), done);
                    writing = false;
                    next();
                },
                e -> {
                    LOG.info("Could not keep a thumbnail: {}", e.toString());
                    writing = false;
                    next();
                });
    }

    /** The image's pixels, copied on the JavaFX thread where it lives; null if it has none. */
    private static int[] pixels(Image img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        PixelReader r = img.getPixelReader();
        if (r == null || w <= 0 || h <= 0 || img.isError()) {
            return null;
        }
        int[] argb = new int[w * h];
        r.getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return argb;
    }
}
