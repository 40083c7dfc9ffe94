package dev.aigcdesk.config;

import dev.aigcdesk.io.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The team library this desktop is connected to, kept in {@code team.properties} in the config folder:
 * the database's address without its password, and the name this desktop goes by. No file, no team:
 * the local library is used.
 *
 * @param database  the address as shown ({@code postgresql://HOST:PORT/DB?user=U}), never with a password
 * @param desktop   who this desktop is to the others ("Ann")
 * @param store     where the team keeps its files ({@code s3://BUCKET[/PREFIX]}), or null for each desktop's own archive only
 * @param endpoint  the store's endpoint when it is not AWS (Tencent COS, MinIO), or null
 * @param region    the store's region, or null
 * @param pathStyle buckets addressed by path (MinIO and most self-hosted stores)
 * @param copiesGb  how much of the others' files this desktop keeps a copy of, in GB (0: the default)
 */
public record TeamConnection(
        String database,
        String desktop,
        String store,
        String endpoint,
        String region,
        boolean pathStyle,
        int copiesGb) {

    /** The copies' cap when none was chosen. */
    public static final int DEFAULT_COPIES_GB = 10;

    public TeamConnection(String database, String desktop) {
        this(database, desktop, null, null, null, false, 0);
    }

    /** The copies' cap in bytes. */
    public long copiesBytes() {
        return (copiesGb > 0 ? copiesGb : DEFAULT_COPIES_GB) * 1024L * 1024 * 1024;
    }

    private static final String FILE = "team.properties";

    /** The connection saved in {@code configFolder}, if any. */
    public static Optional<TeamConnection> load(Path configFolder) throws IOException {
        Path f = configFolder.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String db = p.getProperty("database");
        return db == null || db.isBlank()
                ? Optional.empty()
                : Optional.of(new TeamConnection(
                        db.strip(),
                        p.getProperty("desktop", "").strip(),
                        blankToNull(p.getProperty("store")),
                        blankToNull(p.getProperty("endpoint")),
                        blankToNull(p.getProperty("region")),
                        Boolean.parseBoolean(p.getProperty("pathStyle", "false")),
                        parseInt(p.getProperty("copiesGb"))));
    }

    public void save(Path configFolder) throws IOException {
        Files.createDirectories(configFolder);
        Properties p = new Properties();
        p.setProperty("database", database);
        p.setProperty("desktop", desktop);
        if (store != null) {
            p.setProperty("store", store);
            p.setProperty("pathStyle", Boolean.toString(pathStyle));
        }
        if (endpoint != null) {
            p.setProperty("endpoint", endpoint);
        }
        if (region != null) {
            p.setProperty("region", region);
        }
        if (copiesGb > 0) {
            p.setProperty("copiesGb", Integer.toString(copiesGb));
        }
        Path tmp = configFolder.resolve("." + FILE + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "AIGC Desk team library (the password is kept apart, like the API key)");
        }
        AtomicFiles.replace(tmp, configFolder.resolve(FILE));
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 0 : Math.max(0, Integer.parseInt(s.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Forgets the team: the next session opens the local library. */
    public static void forget(Path configFolder) throws IOException {
        Files.deleteIfExists(configFolder.resolve(FILE));
    }
}
