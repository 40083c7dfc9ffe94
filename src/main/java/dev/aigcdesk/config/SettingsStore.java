package dev.aigcdesk.config;

import dev.aigcdesk.io.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Settings in {@code settings.properties} in the config folder, written atomically. The API key never goes here. */
public final class SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;

    public SettingsStore(Path configFolder) {
        this.file = configFolder.resolve("settings.properties");
    }

    public Path file() {
        return file;
    }

    /** The saved settings; defaults where nothing was saved or the file cannot be read. */
    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return Settings.DEFAULTS;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Could not read settings from {}; using defaults", file, e);
            return Settings.DEFAULTS;
        }
        Settings d = Settings.DEFAULTS;
        return new Settings(
                blankToNull(p.getProperty("api.base")),
                path(p.getProperty("archive.folder")),
                path(p.getProperty("download.folder")),
                Boolean.parseBoolean(p.getProperty("archive.auto", Boolean.toString(d.autoArchive()))),
                Duration.ofSeconds(parseInt(
                        p.getProperty("refresh.seconds"),
                        (int) d.refreshInterval().toSeconds(),
                        1,
                        3600)),
                parseEnum(Settings.Theme.class, p.getProperty("theme"), d.theme()),
                blankToNull(p.getProperty("locale")),
                parseEnum(Settings.ProxyMode.class, p.getProperty("proxy.mode"), d.proxyMode()),
                blankToNull(p.getProperty("proxy.host")),
                parseInt(p.getProperty("proxy.port"), 0, 0, 65535),
                Boolean.parseBoolean(p.getProperty("generate.ask", Boolean.toString(d.askBeforeGenerating()))));
    }

    public void save(Settings s) throws IOException {
        Properties p = new Properties();
        put(p, "api.base", s.apiBase());
        put(
                p,
                "archive.folder",
                s.archiveFolder() == null ? null : s.archiveFolder().toString());
        put(
                p,
                "download.folder",
                s.downloadFolder() == null ? null : s.downloadFolder().toString());
        p.setProperty("archive.auto", Boolean.toString(s.autoArchive()));
        p.setProperty("refresh.seconds", Long.toString(s.refreshInterval().toSeconds()));
        p.setProperty("theme", s.theme().name());
        put(p, "locale", s.locale());
        p.setProperty("proxy.mode", s.proxyMode().name());
        put(p, "proxy.host", s.proxyHost());
        put(p, "generate.ask", Boolean.toString(s.askBeforeGenerating()));
        p.setProperty("proxy.port", Integer.toString(s.proxyPort()));
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "AIGC Desk settings");
        }
        AtomicFiles.replace(tmp, file);
    }

    private static void put(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Path path(String s) {
        String v = blankToNull(s);
        try {
            return v == null ? null : Path.of(v);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int parseInt(String s, int fallback, int min, int max) {
        try {
            int v = Integer.parseInt(s.strip());
            return v < min || v > max ? fallback : v;
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String s, E fallback) {
        try {
            return s == null ? fallback : Enum.valueOf(type, s.strip());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
