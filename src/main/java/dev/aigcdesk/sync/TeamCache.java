package dev.aigcdesk.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this desktop keeps of a team library, under one size cap set in Settings: thumbnails (the least
 * recently shown go first, and they take at most a quarter of the cap) and copies of the files other
 * desktops saved (the most recently wanted: a generation is wanted when it is made, and again whenever it
 * is opened). A file's last use is its modification time.
 */
public final class TeamCache {

    private static final Logger LOG = LoggerFactory.getLogger(TeamCache.class);
    private final Path copies;
    private final Path thumbnails;
    private final long cap;

    public TeamCache(Path copies, Path thumbnails, long cap) {
        this.copies = copies.toAbsolutePath().normalize();
        this.thumbnails = thumbnails;
        this.cap = cap;
    }

    public long cap() {
        return cap;
    }

    /** Whether {@code p} is one of this cache's copies (not a file this desktop saved itself). */
    public boolean holds(Path p) {
        return p != null && p.toAbsolutePath().normalize().startsWith(copies);
    }

    /** Trims the thumbnails to their quarter of the cap; what is left of the cap is for copies. */
    public long budgetForCopies() {
        long shown = trim(thumbnails, cap / 4, Set.of(), null);
        return Math.max(0, cap - shown);
    }

    /**
     * Removes every copy outside {@code keep} (the most recently wanted, which fit the budget).
     *
     * @return how many were removed
     */
    public int evict(Set<Path> keep) {
        int[] removed = {0};
        trim(copies, 0, keep, removed);
        if (removed[0] > 0) {
            LOG.info("Let go of {} older team file copies to stay within {} MB", removed[0], cap / (1024 * 1024));
        }
        return removed[0];
    }

    /** Notes when a copy was last wanted (its order in the cache). */
    public static void touch(Path p, Instant at) {
        try {
            Files.setLastModifiedTime(p, FileTime.from(at));
        } catch (IOException e) {
            // A file that cannot be touched is only let go of sooner.
        }
    }

    /** Deletes least recently used files under {@code folder} until they total {@code max} at most; returns the total. */
    private long trim(Path folder, long max, Set<Path> keep, int[] removed) {
        record Entry(Path path, long size, FileTime used) {}
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Entry> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                all.add(new Entry(p.toAbsolutePath().normalize(), Files.size(p), Files.getLastModifiedTime(p)));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not look over {}: {}", folder, e.getMessage());
            return 0;
        }
        long total = all.stream().mapToLong(Entry::size).sum();
        all.sort(Comparator.comparing(Entry::used));
        for (Entry e : all) {
            if (total <= max) {
                break;
            }
            if (keep.contains(e.path())) {
                continue;
            }
            try {
                Files.deleteIfExists(e.path());
                total -= e.size();
                if (removed != null) {
                    removed[0]++;
                }
            } catch (IOException ex) {
                LOG.debug("Could not let go of {}: {}", e.path(), ex.getMessage());
            }
        }
        return total;
    }
}
