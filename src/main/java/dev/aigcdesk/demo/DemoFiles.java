package dev.aigcdesk.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The bytes behind the demo's file URLs, made once and kept. */
final class DemoFiles {

    private static final String VIDEO_RESOURCE = "/dev/aigcdesk/demo/sample-video.mp4";

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    byte[] bytes(DemoTask task, int n) {
        return cache.computeIfAbsent(task.id().shortId() + "/" + n, k -> make(task, n));
    }

    static long videoSize() {
        return readVideo().length;
    }

    private static byte[] make(DemoTask task, int n) {
        if (task.fileType().equals("mp4")) {
            return readVideo();
        }
        long seed = task.id().value().hashCode() * 31L + n;
        int[] size = dimensions(task.aspectRatio(), task.fileCount() > 1 ? 512 : 768);
        return DemoArt.render(seed, size[0], size[1], task.fileType());
    }

    private static int[] dimensions(String ratio, int longSide) {
        String[] parts = ratio.split(":");
        try {
            double w = Double.parseDouble(parts[0]);
            double h = Double.parseDouble(parts[1]);
            return w >= h
                    ? new int[] {longSide, (int) (longSide * h / w)}
                    : new int[] {(int) (longSide * w / h), longSide};
        } catch (RuntimeException e) {
            return new int[] {longSide, longSide};
        }
    }

    private static byte[] readVideo() {
        try (InputStream in = DemoFiles.class.getResourceAsStream(VIDEO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The demo video is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
