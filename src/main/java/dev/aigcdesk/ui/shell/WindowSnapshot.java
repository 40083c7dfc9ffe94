package dev.aigcdesk.ui.shell;

import dev.aigcdesk.app.WindowOpener;
import dev.aigcdesk.system.PngFiles;
import dev.aigcdesk.ui.main.MainWindow;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import javafx.animation.PauseTransition;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code open --snapshot}: once the selected task's previews have loaded (or after 15 s), writes a
 * PNG of the window and closes it. Used for the README's screenshots and the installer smoke test.
 */
final class WindowSnapshot {

    private static final Logger LOG = LoggerFactory.getLogger(WindowSnapshot.class);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final WindowOpener.Snapshot shot;
    private final Runnable onFailure;

    WindowSnapshot(WindowOpener.Snapshot shot, Runnable onFailure) {
        this.shot = shot;
        this.onFailure = onFailure;
    }

    void take(Stage stage, MainWindow window) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        if (shot.select() != null) {
            window.select(shot.select());
        }
        PauseTransition poll = new PauseTransition(javafx.util.Duration.millis(250));
        poll.setOnFinished(e -> {
            if (shot.select() == null && window.list().selectedProperty().get() == null && !window.list().list().getItems().isEmpty()) {
                window.list().selectIndex(0);
            }
            var previews = window.detail().previewImages();
            boolean ready = !previews.isEmpty() && previews.stream().allMatch(i -> i.getProgress() >= 1) && window.list().selectedProperty().get() != null;
            if (ready || System.nanoTime() > deadline) {
                PauseTransition settle = new PauseTransition(javafx.util.Duration.millis(400));
                settle.setOnFinished(x -> {
                    write(stage.getScene().snapshot(null));
                    stage.hide();
                });
                settle.play();
            } else {
                poll.playFromStart();
            }
        });
        poll.play();
    }

    private void write(WritableImage img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        try {
            PngFiles.write(out, shot.file());
            LOG.info("Wrote a snapshot of the window to {}", shot.file());
        } catch (IOException e) {
            LOG.error("Could not write the snapshot {}", shot.file(), e);
            onFailure.run();
        }
    }
}
