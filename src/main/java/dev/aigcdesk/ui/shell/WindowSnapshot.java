package dev.aigcdesk.ui.shell;

import dev.aigcdesk.app.WindowOpener;
import dev.aigcdesk.io.PngFiles;
import dev.aigcdesk.ui.main.MainWindow;
import dev.aigcdesk.ui.preview.CompareView;
import dev.aigcdesk.ui.preview.ViewerItem;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.image.ImageView;
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
        if (shot.view().equals("grid")) {
            window.list().gridModeProperty().set(true);
        }
        if (shot.select() != null) {
            window.select(shot.select());
        }
        PauseTransition poll = new PauseTransition(javafx.util.Duration.millis(250));
        poll.setOnFinished(e -> {
            if (shot.select() == null
                    && window.list().selectedProperty().get() == null
                    && !window.list().list().getItems().isEmpty()) {
                window.list().selectIndex(0);
            }
            var previews = window.detail().previewImages();
            boolean ready = !previews.isEmpty()
                    && previews.stream().allMatch(i -> i.getProgress() >= 1)
                    && window.list().selectedProperty().get() != null
                    && window.thumbnails().postersPending() == 0;
            if (ready || System.nanoTime() > deadline) {
                if (shot.view().equals("generate")) {
                    openGenerate(window, stage, deadline);
                    return;
                }
                Stage target = switch (shot.view()) {
                    case "viewer" -> openViewer(window);
                    case "compare" -> openCompare(window);
                    default -> stage;
                };
                waitThenWrite(target, stage, deadline);
            } else {
                poll.playFromStart();
            }
        });
        poll.play();
    }

    /** "Generate again" on the selected task; the panel opens once its parameters are read. */
    private void openGenerate(MainWindow window, Stage main, long deadline) {
        window.generateAgain(window.detailViewModel().recordProperty().get());
        PauseTransition wait = new PauseTransition(javafx.util.Duration.millis(200));
        wait.setOnFinished(e -> {
            var panel = window.generatePanel();
            if (panel != null && panel.isShowing()) {
                waitThenWrite((Stage) panel.getDialogPane().getScene().getWindow(), main, deadline);
            } else if (System.nanoTime() > deadline) {
                waitThenWrite(null, main, deadline);
            } else {
                wait.playFromStart();
            }
        });
        wait.play();
    }

    private Stage openViewer(MainWindow window) {
        var r = window.detailViewModel().recordProperty().get();
        if (r == null || r.files().isEmpty()) {
            return null;
        }
        window.view(new ViewerItem(r, r.files().get(0)));
        window.viewer().stage().setWidth(shot.width());
        window.viewer().stage().setHeight(shot.height());
        return window.viewer().stage();
    }

    /** The first outputs of the selected tasks, or one task's outputs, side by side. */
    private Stage openCompare(MainWindow window) {
        List<ViewerItem> items = new ArrayList<>();
        for (var id : shot.selected()) {
            int i = window.listViewModel().items().indexOf(id);
            var r = i < 0 ? null : window.listViewModel().items().get(i);
            if (r != null && !r.files().isEmpty()) {
                if (shot.selected().size() == 1) {
                    r.files().stream().limit(4).forEach(f -> items.add(new ViewerItem(r, f)));
                } else if (items.size() < 4) {
                    items.add(new ViewerItem(r, r.files().get(0)));
                }
            }
        }
        if (items.size() < 2) {
            LOG.error("Compare needs two outputs: select two tasks, or one task with several outputs");
            return null;
        }
        CompareView view = window.compare(items);
        view.stage().setWidth(shot.width());
        view.stage().setHeight(shot.height());
        return view.stage();
    }

    /** Waits (at most until the deadline) for the target's pictures, then writes it and leaves. */
    private void waitThenWrite(Stage target, Stage main, long deadline) {
        if (target == null) {
            onFailure.run();
            main.hide();
            return;
        }
        PauseTransition settle = new PauseTransition(javafx.util.Duration.millis(600));
        settle.setOnFinished(x -> {
            if (!picturesLoaded(target) && System.nanoTime() < deadline) {
                settle.playFromStart();
                return;
            }
            write(target.getScene().snapshot(null));
            // Closed after this pulse: hiding a stage from inside an animation's handler upset the GTK toolkit's thread
            // check.
            Platform.runLater(() -> {
                if (target != main) {
                    target.close();
                }
                main.hide();
            });
        });
        settle.play();
    }

    /** Whether every picture in the stage has finished loading (a large one in the viewer takes seconds). */
    private static boolean picturesLoaded(Stage target) {
        return target.getScene().getRoot().lookupAll(".image-view").stream()
                .map(n -> ((ImageView) n).getImage())
                .allMatch(i -> i == null || i.getProgress() >= 1);
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
