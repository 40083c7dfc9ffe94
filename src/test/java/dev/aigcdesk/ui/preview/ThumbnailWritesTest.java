package dev.aigcdesk.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.store.folder.ThumbnailFolder;
import dev.aigcdesk.ui.common.UiExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Thumbnails written to the disk cache one at a time, with a bounded wait, against a slow disk. */
@ExtendWith(ApplicationExtension.class)
class ThumbnailWritesTest {

    @TempDir
    Path dir;

    /** Background work that runs only when the test lets it: a disk slower than the scrolling. */
    private static final class HeldExecutor implements UiExecutor {
        private final Deque<Runnable> held = new ArrayDeque<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
            held.add(() -> UiExecutor.IMMEDIATE.run(work, onSuccess, onError));
        }

        @Override
        public void onUi(Runnable r) {
            r.run();
        }

        int started() {
            return held.size();
        }

        void finishOne() {
            held.removeFirst().run();
        }
    }

    private static Image picture(int shade) {
        WritableImage img = new WritableImage(40, 30);
        Color c = Color.rgb(shade % 256, 80, 160);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                img.getPixelWriter().setColor(x, y, c);
            }
        }
        return img;
    }

    private static String sha(int i) {
        return String.format("%064x", i + 1);
    }

    @Test
    void aSlowDiskWritesOneAtATimeKeepsTheNewestWaitingAndDropsTheOldest() throws Exception {
        var disk = new ThumbnailFolder(dir);
        var executor = new HeldExecutor();
        var writes = new ThumbnailWrites(disk, executor);
        int offered = 40;

        WaitForAsyncUtils.asyncFx(() -> IntStream.range(0, offered).forEach(i -> writes.offer(sha(i), 64, picture(i))))
                .get();
        assertThat(executor.started()).as("one write at a time").isEqualTo(1);
        assertThat(writes.waiting())
                .as("a bounded wait, however fast tiles are decoded")
                .isEqualTo(ThumbnailWrites.WAITING);

        while (executor.started() > 0) {
            WaitForAsyncUtils.asyncFx(executor::finishOne).get();
        }
        assertThat(writes.waiting()).isZero();
        assertThat(disk.find(sha(0), 64)).as("the first, started at once").isPresent();
        for (int i = offered - ThumbnailWrites.WAITING; i < offered; i++) {
            assertThat(disk.find(sha(i), 64))
                    .as("the newest, still on screen: #%d", i)
                    .isPresent();
        }
        for (int i = 1; i < offered - ThumbnailWrites.WAITING; i++) {
            assertThat(disk.find(sha(i), 64))
                    .as("scrolled away before its turn: #%d", i)
                    .isEmpty();
        }
        Image back =
                new Image(disk.find(sha(offered - 1), 64).orElseThrow().toUri().toString());
        assertThat(back.getWidth()).isEqualTo(40);
        assertThat(back.getPixelReader().getColor(5, 5))
                .as("the pixels written are the picture's")
                .isEqualTo(Color.rgb((offered - 1) % 256, 80, 160));
    }

    @Test
    void aWriteThatFailsDoesNotStopTheOnesAfterIt() throws Exception {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where the cache folder should be");
        var executor = new HeldExecutor();
        var broken = new ThumbnailWrites(new ThumbnailFolder(blocked), executor);
        WaitForAsyncUtils.asyncFx(() -> {
                    broken.offer(sha(1), 64, picture(1));
                    broken.offer(sha(2), 64, picture(2));
                })
                .get();
        WaitForAsyncUtils.asyncFx(executor::finishOne).get();
        assertThat(executor.started())
                .as("the next write starts after a failed one")
                .isEqualTo(1);
        WaitForAsyncUtils.asyncFx(executor::finishOne).get();
        assertThat(broken.waiting()).isZero();
        assertThat(executor.started()).isZero();
    }
}
