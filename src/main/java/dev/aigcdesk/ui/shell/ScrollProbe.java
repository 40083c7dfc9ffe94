package dev.aigcdesk.ui.shell;

import dev.aigcdesk.system.ProcessMemory;
import dev.aigcdesk.ui.main.MainWindow;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.skin.VirtualFlow;

/**
 * The bench's scroll measurement ({@code -Daigcdesk.scrollProbe=true} with the start-up probe): scrolls
 * the whole list, then the whole grid, from top to bottom in a fixed number of frames, times every
 * frame with a pulse timer, and prints the slowest and the 99th percentile of each, then the peak RSS.
 */
final class ScrollProbe {

    private static final int FRAMES = 600;

    private final MainWindow window;
    private final Runnable done;

    ScrollProbe(MainWindow window, Runnable done) {
        this.window = window;
        this.done = done;
    }

    void run() {
        scroll("list", window.list().list(), () -> {
            window.list().gridModeProperty().set(true);
            Platform.runLater(() -> scroll("grid", window.list().grid(), () -> {
                System.out.println("peak-rss-mib=" + ProcessMemory.peakRssMib());
                done.run();
            }));
        });
    }

    private void scroll(String name, Node view, Runnable then) {
        List<Long> frames = new ArrayList<>();
        new AnimationTimer() {
            private long last;
            private int n;
            private VirtualFlow<?> flow;

            @Override
            public void handle(long now) {
                if (flow == null) {
                    flow = (VirtualFlow<?>) view.lookup(".virtual-flow");
                    if (flow == null) {
                        return;
                    }
                    flow.scrollTo(0);
                    last = now;
                    return;
                }
                frames.add(now - last);
                last = now;
                if (n++ >= FRAMES) {
                    stop();
                    report(name, frames);
                    then.run();
                    return;
                }
                // An even walk over every row: the position as a share of the whole.
                flow.setPosition(Math.min(1, n / (double) FRAMES));
            }
        }.start();
    }

    private static void report(String name, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos.subList(Math.min(2, nanos.size()), nanos.size()));
        sorted.sort(null);
        double max = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6;
        double p99 = sorted.isEmpty()
                ? 0
                : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
        double p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6;
        long over = sorted.stream().filter(t -> t > 50_000_000L).count();
        System.out.printf(
                "scroll-%s-frames=%d p50-ms=%.1f p99-ms=%.1f max-ms=%.1f over-50ms=%d%n",
                name, sorted.size(), p50, p99, max, over);
    }
}
