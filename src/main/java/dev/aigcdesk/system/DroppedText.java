package dev.aigcdesk.system;

import dev.aigcdesk.io.TextDecoding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The text of files the user dropped on the window, to look for task ids in. Large or binary files are cut short. */
public final class DroppedText {

    private static final int MAX_BYTES = 8 * 1024 * 1024;

    private DroppedText() {}

    public static String read(List<Path> files) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                continue;
            }
            try (InputStream in = Files.newInputStream(f)) {
                sb.append(TextDecoding.decode(in.readNBytes(MAX_BYTES))).append('\n');
            }
        }
        return sb.toString();
    }
}
