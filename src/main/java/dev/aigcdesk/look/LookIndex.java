package dev.aigcdesk.look;

import dev.aigcdesk.domain.Look;
import dev.aigcdesk.domain.Palette;
import dev.aigcdesk.domain.TaskId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Every fingerprinted picture of a library, held compactly in memory so that "more like this" and a
 * colour filter answer by brute force in milliseconds, and near-duplicates are found in one pass.
 *
 * <p>How it decides: two pictures' <b>distance</b> is three quarters their shapes (the share of their 64
 * hash bits that differ, where 32 is two unrelated pictures) and one quarter their colour layout (the mean
 * CIE76 difference of their 4 × 4 grids, 60 and beyond counting as wholly different). Below {@link #SIMILAR}
 * they look alike. Pictures from the same prompt count at half their distance, so a batch and its
 * re-generations come first. A <b>colour</b> matches a picture by its palette: each swatch within
 * CIEDE2000 25 of the colour adds its share, weighted by how close it is. Two pictures are the <b>same
 * picture</b> when their bytes are, or when at most 5 hash bits differ and their layouts are within 8.
 */
public final class LookIndex {

    /** One fingerprinted picture. */
    public record Entry(TaskId id, int n, String sha256, long pixels, int stars, String prompt, Look look) {}

    /** A task, and how near it is (a distance for {@link #like}, a score for {@link #colour}). */
    public record Match(TaskId id, double value) {}

    /** Pictures that are one picture, the copy to keep first (starred, then the largest, then the earliest). */
    public record Group(List<Entry> copies) {
        public Entry keep() {
            return copies.get(0);
        }

        public List<Entry> rest() {
            return copies.subList(1, copies.size());
        }
    }

    public static final double SIMILAR = 0.35;
    private static final double COLOUR_REACH = 25;
    private static final int SAME_BITS = 5;
    private static final double SAME_LAYOUT = 8;
    /** Six bands of the 64 hash bits: two hashes at most 5 bits apart share one band exactly. */
    private static final int[][] BANDS = {{0, 11}, {11, 22}, {22, 33}, {33, 44}, {44, 54}, {54, 64}};

    private static final LookIndex EMPTY = new LookIndex(List.of());

    private final List<Entry> entries;
    private final long[] hashes;
    private final byte[][] layouts;
    private final float[][] swatchLab;
    private final float[][] swatchShare;

    private LookIndex(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        int n = this.entries.size();
        hashes = new long[n];
        layouts = new byte[n][];
        swatchLab = new float[n][];
        swatchShare = new float[n][];
        for (int i = 0; i < n; i++) {
            Look l = this.entries.get(i).look();
            hashes[i] = l.hash();
            layouts[i] = l.layout();
            List<Palette.Swatch> s = l.palette().swatches();
            swatchLab[i] = new float[s.size() * 3];
            swatchShare[i] = new float[s.size()];
            for (int k = 0; k < s.size(); k++) {
                Lab lab = Lab.ofRgb(s.get(k).rgb());
                swatchLab[i][k * 3] = (float) lab.l();
                swatchLab[i][k * 3 + 1] = (float) lab.a();
                swatchLab[i][k * 3 + 2] = (float) lab.b();
                swatchShare[i][k] = (float) s.get(k).share();
            }
        }
    }

    /** The index of these pictures (those never seen whole are left out). */
    public static LookIndex of(List<Entry> entries) {
        List<Entry> seen = entries.stream().filter(e -> e.look().seen()).toList();
        return seen.isEmpty() ? EMPTY : new LookIndex(seen);
    }

    public int size() {
        return entries.size();
    }

    /** How many of {@code id}'s pictures are fingerprinted. */
    public int pictures(TaskId id) {
        return (int) entries.stream().filter(e -> e.id().equals(id)).count();
    }

    /** Whether any picture of {@code id} is fingerprinted. */
    public boolean knows(TaskId id) {
        return entries.stream().anyMatch(e -> e.id().equals(id));
    }

    /** How far apart two looks are: 0 the same, {@link #SIMILAR} the edge of alike, about 1 unrelated. */
    public static double distance(Look a, Look b) {
        return distance(a.hash(), a.layout(), b.hash(), b.layout());
    }

    private static double distance(long h1, byte[] l1, long h2, byte[] l2) {
        double shapes = Long.bitCount(h1 ^ h2) / 32.0;
        return 0.75 * Math.min(1, shapes) + 0.25 * Math.min(1, layoutDistance(l1, l2) / 60);
    }

    /** The mean CIE76 difference of two 4 × 4 colour grids. */
    public static double layoutDistance(byte[] a, byte[] b) {
        double sum = 0;
        for (int i = 0; i < Look.CELLS; i++) {
            double dl = ((a[i * 3] & 0xFF) - (b[i * 3] & 0xFF)) / 2.55;
            double da = a[i * 3 + 1] - b[i * 3 + 1];
            double db = a[i * 3 + 2] - b[i * 3 + 2];
            sum += Math.sqrt(dl * dl + da * da + db * db);
        }
        return sum / Look.CELLS;
    }

    /** Whether two fingerprinted pictures are the same picture (re-encoded, resized, or the same bytes). */
    public static boolean samePicture(Entry a, Entry b) {
        if (a.sha256() != null && a.sha256().equals(b.sha256())) {
            return true;
        }
        return Long.bitCount(a.look().hash() ^ b.look().hash()) <= SAME_BITS
                && layoutDistance(a.look().layout(), b.look().layout()) <= SAME_LAYOUT;
    }

    /**
     * The library ordered by how much it looks like {@code id}: the task itself first, then the nearest, each
     * task by its nearest picture; at most {@code limit}. Empty when none of its pictures is fingerprinted.
     */
    public List<Match> like(TaskId id, int limit) {
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id().equals(id)) {
                mine.add(i);
            }
        }
        if (mine.isEmpty()) {
            return List.of();
        }
        String family = family(entries.get(mine.get(0)).prompt());
        Map<TaskId, Double> best = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            double d = Double.MAX_VALUE;
            for (int q : mine) {
                d = Math.min(d, distance(hashes[q], layouts[q], hashes[i], layouts[i]));
            }
            if (e.id().equals(id)) {
                d = -1; // the task itself leads
            } else if (family != null && family.equals(family(e.prompt()))) {
                d /= 2;
            }
            best.merge(e.id(), d, Math::min);
        }
        return ranked(best, Comparator.comparingDouble(Match::value), limit);
    }

    /** The tasks with {@code rgb} among their dominant colours, the strongest match first; at most {@code limit}. */
    public List<Match> colour(int rgb, int limit) {
        Lab q = Lab.ofRgb(rgb);
        Map<TaskId, Double> best = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            float[] lab = swatchLab[i];
            double score = 0;
            for (int k = 0; k < swatchShare[i].length; k++) {
                double dl = lab[k * 3] - q.l();
                double da = lab[k * 3 + 1] - q.a();
                double db = lab[k * 3 + 2] - q.b();
                // CIE76 first: far colours (most of them) are passed over without the costly formula.
                if (dl * dl + da * da + db * db > 4 * COLOUR_REACH * COLOUR_REACH) {
                    continue;
                }
                double de = q.deltaE2000(new Lab(lab[k * 3], lab[k * 3 + 1], lab[k * 3 + 2]));
                if (de < COLOUR_REACH) {
                    score += swatchShare[i][k] * (1 - de / COLOUR_REACH);
                }
            }
            if (score >= 0.05) {
                best.merge(entries.get(i).id(), score, Math::max);
            }
        }
        return ranked(best, Comparator.comparingDouble((Match m) -> -m.value()), limit);
    }

    /** Groups of pictures that are the same picture; each group's copy to keep first, the largest groups first. */
    public List<Group> duplicates() {
        int n = entries.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<String, Integer> bySha = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String sha = entries.get(i).sha256();
            if (sha != null) {
                Integer other = bySha.putIfAbsent(sha, i);
                if (other != null) {
                    union(parent, i, other);
                }
            }
        }
        for (int[] band : BANDS) {
            long mask = band[1] - band[0] == 64 ? -1L : ((1L << (band[1] - band[0])) - 1) << band[0];
            Map<Long, List<Integer>> buckets = new HashMap<>();
            for (int i = 0; i < n; i++) {
                buckets.computeIfAbsent(hashes[i] & mask, k -> new ArrayList<>())
                        .add(i);
            }
            for (List<Integer> bucket : buckets.values()) {
                for (int x = 0; x < bucket.size(); x++) {
                    for (int y = x + 1; y < bucket.size(); y++) {
                        int a = bucket.get(x);
                        int b = bucket.get(y);
                        if (find(parent, a) != find(parent, b) && samePicture(entries.get(a), entries.get(b))) {
                            union(parent, a, b);
                        }
                    }
                }
            }
        }
        Map<Integer, List<Entry>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(entries.get(i));
        }
        Comparator<Entry> best = Comparator.comparingInt((Entry e) -> -e.stars())
                .thenComparingLong(e -> -e.pixels())
                .thenComparing(e -> e.id().value())
                .thenComparingInt(Entry::n);
        List<Group> out = new ArrayList<>();
        for (List<Entry> g : groups.values()) {
            if (g.size() > 1) {
                g.sort(best);
                out.add(new Group(List.copyOf(g)));
            }
        }
        out.sort(Comparator.comparingInt((Group g) -> -g.copies().size())
                .thenComparing(g -> g.keep().id().value()));
        return out;
    }

    private static List<Match> ranked(Map<TaskId, Double> best, Comparator<Match> order, int limit) {
        return best.entrySet().stream()
                .map(e -> new Match(e.getKey(), e.getValue()))
                .sorted(order.thenComparing(m -> m.id().value()))
                .limit(Math.max(1, limit))
                .toList();
    }

    private static String family(String prompt) {
        return prompt == null || prompt.isBlank() ? null : prompt.strip().toLowerCase(Locale.ROOT);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }

    @Override
    public String toString() {
        return "LookIndex[" + entries.size() + " pictures]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LookIndex l && Objects.equals(l.entries, entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }
}
