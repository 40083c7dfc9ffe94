package dev.aigcdesk.look;

import dev.aigcdesk.domain.Look;
import dev.aigcdesk.domain.Palette;
import dev.aigcdesk.domain.TaskId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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
    /** Each picture's 4 × 4 layout as 48 floats (L, a, b per cell): compared without unpacking bytes. */
    private final float[][] layouts;

    private final float[][] swatchLab;
    private final float[][] swatchShare;
    /** Each picture's task, as an index into {@link #tasks}. */
    private final int[] taskOf;

    private final List<TaskId> tasks;
    private final Map<TaskId, Integer> taskIndex;
    /** Each picture's prompt, folded, as a number (0: none): a batch and its re-generations share it. */
    private final int[] family;

    private LookIndex(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        int n = this.entries.size();
        hashes = new long[n];
        layouts = new float[n][];
        swatchLab = new float[n][];
        swatchShare = new float[n][];
        taskOf = new int[n];
        family = new int[n];
        tasks = new ArrayList<>();
        taskIndex = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Entry e = this.entries.get(i);
            Look l = e.look();
            hashes[i] = l.hash();
            byte[] raw = l.layout();
            layouts[i] = new float[Look.CELLS * 3];
            for (int c = 0; c < Look.CELLS; c++) {
                layouts[i][c * 3] = (raw[c * 3] & 0xFF) / 2.55f;
                layouts[i][c * 3 + 1] = raw[c * 3 + 1];
                layouts[i][c * 3 + 2] = raw[c * 3 + 2];
            }
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
            Integer t = taskIndex.get(e.id());
            if (t == null) {
                t = tasks.size();
                tasks.add(e.id());
                taskIndex.put(e.id(), t);
            }
            taskOf[i] = t;
            String f = family(e.prompt());
            family[i] = f == null ? 0 : f.hashCode() | 1;
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
        Integer t = taskIndex.get(id);
        if (t == null) {
            return 0;
        }
        int n = 0;
        for (int ti : taskOf) {
            if (ti == t) {
                n++;
            }
        }
        return n;
    }

    /** Whether any picture of {@code id} is fingerprinted. */
    public boolean knows(TaskId id) {
        return taskIndex.containsKey(id);
    }

    /** How far apart two looks are: 0 the same, {@link #SIMILAR} the edge of alike, about 1 unrelated. */
    public static double distance(Look a, Look b) {
        double shapes = Long.bitCount(a.hash() ^ b.hash()) / 32.0;
        return 0.75 * Math.min(1, shapes) + 0.25 * Math.min(1, layoutDistance(a.layout(), b.layout()) / 60);
    }

    private double distance(int i, int j) {
        double shapes = Long.bitCount(hashes[i] ^ hashes[j]) / 32.0;
        float[] a = layouts[i];
        float[] b = layouts[j];
        double sum = 0;
        for (int c = 0; c < a.length; c += 3) {
            float dl = a[c] - b[c];
            float da = a[c + 1] - b[c + 1];
            float db = a[c + 2] - b[c + 2];
            sum += Math.sqrt(dl * dl + da * da + db * db);
        }
        return 0.75 * Math.min(1, shapes) + 0.25 * Math.min(1, sum / Look.CELLS / 60);
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
        Integer me = taskIndex.get(id);
        if (me == null) {
            return List.of();
        }
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < taskOf.length; i++) {
            if (taskOf[i] == me) {
                mine.add(i);
            }
        }
        int myFamily = family[mine.get(0)];
        double[] best = new double[tasks.size()];
        Arrays.fill(best, Double.MAX_VALUE);
        for (int i = 0; i < taskOf.length; i++) {
            int t = taskOf[i];
            double d;
            if (t == me) {
                d = -1; // the task itself leads
            } else {
                d = Double.MAX_VALUE;
                for (int q : mine) {
                    d = Math.min(d, distance(q, i));
                }
                if (myFamily != 0 && family[i] == myFamily) {
                    d /= 2;
                }
            }
            if (d < best[t]) {
                best[t] = d;
            }
        }
        return top(best, true, limit);
    }

    /** The tasks with {@code rgb} among their dominant colours, the strongest match first; at most {@code limit}. */
    public List<Match> colour(int rgb, int limit) {
        Lab q = Lab.ofRgb(rgb);
        double[] best = new double[tasks.size()];
        Arrays.fill(best, -1);
        for (int i = 0; i < taskOf.length; i++) {
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
            if (score >= 0.05 && score > best[taskOf[i]]) {
                best[taskOf[i]] = score;
            }
        }
        return top(best, false, limit);
    }

    /** The best {@code limit} tasks by their value (ascending: distances; else descending: scores), ties by id. */
    private List<Match> top(double[] best, boolean ascending, int limit) {
        List<Integer> kept = new ArrayList<>();
        for (int t = 0; t < best.length; t++) {
            if (ascending ? best[t] < Double.MAX_VALUE : best[t] >= 0) {
                kept.add(t);
            }
        }
        Comparator<Integer> order = Comparator.comparingDouble((Integer t) -> ascending ? best[t] : -best[t])
                .thenComparing(t -> tasks.get(t).value());
        return kept.stream()
                .sorted(order)
                .limit(Math.max(1, limit))
                .map(t -> new Match(tasks.get(t), best[t]))
                .toList();
    }

    /**
     * Groups of pictures that are the same picture, the largest groups first. Each group is one picture to keep
     * (starred, then the largest, then the earliest) and the copies of it: every copy is the same picture as the
     * one kept (not merely as another copy), so a chain of small changes never grows into one group.
     */
    public List<Group> duplicates() {
        int n = entries.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Comparator<Integer> best = Comparator.comparingInt(
                        (Integer i) -> -entries.get(i).stars())
                .thenComparingLong(i -> -entries.get(i).pixels())
                .thenComparing(i -> entries.get(i).id().value())
                .thenComparingInt(i -> entries.get(i).n());
        Arrays.sort(order, best);
        List<Map<Long, List<Integer>>> bands = new ArrayList<>();
        for (int[] band : BANDS) {
            long mask = ((1L << (band[1] - band[0])) - 1) << band[0];
            Map<Long, List<Integer>> buckets = new HashMap<>();
            for (int i = 0; i < n; i++) {
                buckets.computeIfAbsent(hashes[i] & mask, k -> new ArrayList<>())
                        .add(i);
            }
            bands.add(buckets);
        }
        Map<String, List<Integer>> bySha = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String sha = entries.get(i).sha256();
            if (sha != null) {
                bySha.computeIfAbsent(sha, k -> new ArrayList<>()).add(i);
            }
        }
        boolean[] taken = new boolean[n];
        List<Group> out = new ArrayList<>();
        for (int keep : order) {
            if (taken[keep]) {
                continue;
            }
            taken[keep] = true;
            List<Integer> copies = new ArrayList<>();
            String sha = entries.get(keep).sha256();
            for (int other : sha == null ? List.<Integer>of() : bySha.get(sha)) {
                if (!taken[other]) {
                    taken[other] = true;
                    copies.add(other);
                }
            }
            for (int b = 0; b < BANDS.length; b++) {
                long mask = ((1L << (BANDS[b][1] - BANDS[b][0])) - 1) << BANDS[b][0];
                for (int other : bands.get(b).get(hashes[keep] & mask)) {
                    if (!taken[other] && samePicture(entries.get(keep), entries.get(other))) {
                        taken[other] = true;
                        copies.add(other);
                    }
                }
            }
            if (!copies.isEmpty()) {
                copies.sort(best);
                List<Entry> g = new ArrayList<>();
                g.add(entries.get(keep));
                copies.forEach(i -> g.add(entries.get(i)));
                out.add(new Group(List.copyOf(g)));
            }
        }
        out.sort(Comparator.comparingInt((Group g) -> -g.copies().size())
                .thenComparing(g -> g.keep().id().value()));
        return out;
    }

    private static String family(String prompt) {
        return prompt == null || prompt.isBlank() ? null : prompt.strip().toLowerCase(Locale.ROOT);
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
