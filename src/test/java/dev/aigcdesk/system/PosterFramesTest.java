package dev.aigcdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.store.folder.ThumbnailFolder;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosterFramesTest {

    @TempDir
    Path dir;

    private Path sampleVideo() throws Exception {
        Path video = dir.resolve("clip.mp4");
        try (InputStream in = getClass().getResourceAsStream("/dev/aigcdesk/demo/sample-video.mp4")) {
            Files.copy(in, video);
        }
        return video;
    }

    @Test
    void grabsAFrameOfTheVideosOwnSizeWithRealPixels() throws Exception {
        BufferedImage frame = new PosterFrames().grab(sampleVideo()).orElseThrow();

        assertThat((double) frame.getWidth() / frame.getHeight()).isCloseTo(16 / 9.0, Offset.offset(0.05));
        int[] row = frame.getRGB(0, frame.getHeight() / 2, frame.getWidth(), 1, null, 0, frame.getWidth());
        assertThat(Arrays.stream(row).distinct().count())
                .as("a picture, not a blank frame")
                .isGreaterThan(10);
    }

    @Test
    void aDamagedOrForeignFileHasNoPosterAndDoesNotThrow() throws Exception {
        Path broken = dir.resolve("broken.mp4");
        byte[] head = Files.readAllBytes(sampleVideo());
        Files.write(broken, Arrays.copyOf(head, head.length / 3));
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video at all");

        assertThat(new PosterFrames().grab(text)).isEmpty();
        assertThat(new PosterFrames().grab(dir.resolve("missing.mp4"))).isEmpty();
        new PosterFrames().grab(broken); // either a frame from the part that is there or nothing, but no exception
    }

    @Test
    void posterFramesAreKeptBesideTheThumbnails() throws Exception {
        ThumbnailFolder files = new ThumbnailFolder(dir.resolve("thumbs"));
        BufferedImage frame = new PosterFrames().grab(sampleVideo()).orElseThrow();
        files.storePoster("ab12cd", frame);

        Path kept = files.findPoster("ab12cd").orElseThrow();
        assertThat(ImageIO.read(kept.toFile()).getWidth()).isEqualTo(frame.getWidth());
        assertThat(files.find("ab12cd", 0)).contains(kept);
        assertThat(files.findPoster("ffff")).isEmpty();
    }
}
