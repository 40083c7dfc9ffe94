package dev.aigcdesk.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the window was and how it was split, so it opens as the user left it.
 *
 * @param tileSize the grid's thumbnail size in px (the slider beside the grid)
 */
public record WindowState(
        double x,
        double y,
        double width,
        double height,
        boolean maximized,
        double divider,
        boolean grid,
        double tileSize) {

    public static final double MIN_TILE = 96;
    public static final double MAX_TILE = 360;
    public static final WindowState DEFAULT =
            new WindowState(Double.NaN, Double.NaN, 1280, 800, false, 0.42, false, 180);

    public WindowState {
        tileSize = Math.max(MIN_TILE, Math.min(MAX_TILE, tileSize));
    }

    public static WindowState load(Path configFolder) {
        Path f = configFolder.resolve("window.properties");
        if (!Files.isRegularFile(f)) {
            return DEFAULT;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
            return new WindowState(
                    num(p, "x", Double.NaN),
                    num(p, "y", Double.NaN),
                    num(p, "width", DEFAULT.width),
                    num(p, "height", DEFAULT.height),
                    Boolean.parseBoolean(p.getProperty("maximized")),
                    num(p, "divider", DEFAULT.divider),
                    Boolean.parseBoolean(p.getProperty("grid")),
                    num(p, "tileSize", DEFAULT.tileSize));
        } catch (IOException | RuntimeException e) {
            return DEFAULT;
        }
    }

    public void save(Path configFolder) throws IOException {
        Properties p = new Properties();
        p.setProperty("x", Double.toString(x));
        p.setProperty("y", Double.toString(y));
        p.setProperty("width", Double.toString(width));
        p.setProperty("height", Double.toString(height));
        p.setProperty("maximized", Boolean.toString(maximized));
        p.setProperty("divider", Double.toString(divider));
        p.setProperty("grid", Boolean.toString(grid));
        p.setProperty("tileSize", Double.toString(tileSize));
        Files.createDirectories(configFolder);
        try (Writer w = Files.newBufferedWriter(configFolder.resolve("window.properties"), StandardCharsets.UTF_8)) {
            p.store(w, "AIGC Desk window");
        }
    }

    public Optional<double[]> position() {
        return Double.isNaN(x) || Double.isNaN(y) ? Optional.empty() : Optional.of(new double[] {x, y});
    }

    private static double num(Properties p, String k, double fallback) {
        try {
            double v = Double.parseDouble(p.getProperty(k));
            return Double.isFinite(v) ? v : fallback;
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
