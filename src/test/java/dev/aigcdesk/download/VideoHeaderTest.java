package dev.aigcdesk.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.download.provenance.VideoHeader;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clip's length comes from its own header, and a damaged or hostile file says nothing rather than anything wrong. */
class VideoHeaderTest {

    @TempDir
    Path dir;

    private byte[] sample() throws Exception {
        try (InputStream in = VideoHeaderTest.class.getResourceAsStream("/dev/aigcdesk/demo/sample-video.mp4")) {
            return in.readAllBytes();
        }
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void theDemoClipIsFourSecondsLongThoughItsMetadataSaysFive() throws Exception {
        assertThat(VideoHeader.read(write("clip.mp4", sample())))
                .hasValueSatisfying(v -> assertThat(v.seconds()).isEqualTo(4.0));
    }

    @Test
    void aVersionOneMovieHeaderWithSixtyFourBitFieldsIsRead() throws Exception {
        // ftyp, then moov holding an mvhd of version 1: timescale 600, duration 5,400 (9 s).
        ByteBuffer mvhd = ByteBuffer.allocate(8 + 4 + 16 + 4 + 8);
        mvhd.putInt(mvhd.capacity())
                .put("mvhd".getBytes())
                .putInt(1 << 24)
                .putLong(0)
                .putLong(0)
                .putInt(600)
                .putLong(5_400);
        ByteBuffer moov = ByteBuffer.allocate(8 + mvhd.capacity());
        moov.putInt(moov.capacity()).put("moov".getBytes()).put(mvhd.array());
        ByteBuffer file = ByteBuffer.allocate(16 + moov.capacity());
        file.putInt(16).put("ftypisom".getBytes()).putInt(0).put(moov.array());
        assertThat(VideoHeader.read(write("v1.mp4", file.array())))
                .hasValueSatisfying(v -> assertThat(v.seconds()).isEqualTo(9.0));
    }

    @Test
    void truncatedGarbageAndLyingBoxSizesGiveNothing() throws Exception {
        byte[] clip = sample();
        assertThat(VideoHeader.read(write("cut.mp4", Arrays.copyOf(clip, 60))))
                .as("cut inside the movie header")
                .isEmpty();
        assertThat(VideoHeader.read(write("empty.mp4", new byte[0]))).isEmpty();
        assertThat(VideoHeader.read(write("text.mp4", "<html>502 Bad Gateway</html>".getBytes())))
                .isEmpty();
        byte[] lying = clip.clone();
        // The first box claims 4 GB: it runs past the end of the file.
        lying[0] = (byte) 0xff;
        lying[1] = (byte) 0xff;
        assertThat(VideoHeader.read(write("lying.mp4", lying))).isEmpty();
        byte[] tiny = clip.clone();
        // A box that claims to be 3 bytes long (shorter than its own header) would loop forever if trusted.
        tiny[3] = 3;
        tiny[0] = tiny[1] = tiny[2] = 0;
        assertThat(VideoHeader.read(write("tiny.mp4", tiny))).isEmpty();
        assertThat(VideoHeader.read(dir.resolve("missing.mp4"))).isEmpty();
    }
}
