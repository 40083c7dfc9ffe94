package dev.aigcdesk.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes a picture as a PNG file (thumbnails, window snapshots), making its folder first. */
public final class PngFiles {

    private PngFiles() {}

    public static void write(BufferedImage image, Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("No PNG writer is available");
        }
    }
}
