package dev.aigcdesk.system;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.AWTUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A still frame from an archived video, decoded in pure Java (JCodec), so posters show everywhere,
 * including the installed app, which ships no ffmpeg. H.264 in MP4/MOV is what the service sends;
 * anything JCodec cannot read simply has no poster.
 */
public final class PosterFrames {

    private static final Logger LOG = LoggerFactory.getLogger(PosterFrames.class);
    /** Past the first second a generated clip has usually left its fade-in. */
    private static final double PREFERRED_SECOND = 1.0;

    /** The frame about a second in (or the first, for shorter clips), or empty if it cannot be decoded. */
    public Optional<BufferedImage> grab(Path video) {
        try (FileChannelWrapper in = NIOUtils.readableChannel(video.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(in);
            double length = grab.getVideoTrack().getMeta().getTotalDuration();
            double at = length > 2 * PREFERRED_SECOND ? PREFERRED_SECOND : 0;
            if (at > 0) {
                grab.seekToSecondPrecise(at);
            }
            Picture frame = grab.getNativeFrame();
            return frame == null ? Optional.empty() : Optional.of(AWTUtil.toBufferedImage(frame));
        } catch (IOException | JCodecException | RuntimeException e) {
            // JCodec throws unchecked errors for streams it does not support; they only cost the poster.
            LOG.info("No poster frame for {}: {}", video.getFileName(), e.toString());
            return Optional.empty();
        }
    }
}
