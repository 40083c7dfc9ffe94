package dev.aigcdesk.bench;

import dev.aigcdesk.app.LookFinder;
import dev.aigcdesk.domain.Look;
import dev.aigcdesk.domain.Palette;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryFilter;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.sqlite.SqliteLibrary;
import dev.aigcdesk.look.Fingerprinter;
import dev.aigcdesk.look.LookIndex;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Find by look at scale: the cost of taking a 1024² picture's look against decoding it (what any viewer
 * pays), and on a 100k-task library (real SQLite file), reading its looks, "more like this", a colour
 * filter and the near-duplicates. mvn -B -Plook-bench -DskipTests verify
 */
public final class LookBench {

    private static final int RUNS = 200;

    private LookBench() {}

    public static void main(String[] args) throws Exception {
        System.out.printf(
                "AIGC Desk find-by-look benchmark · %d cores · max heap %d MB · %s%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version"));
        Path dir = Files.createTempDirectory("aigc-desk-look-bench");
        fingerprintCost(dir);
        Path db = dir.resolve("library.db");
        Bench.buildLedger(db, dir.resolve("archive"));
        try (Library ledger = SqliteLibrary.open(db)) {
            fill(ledger);
            atScale(ledger);
        }
        System.out.flush();
        System.exit(0);
    }

    /** A 1024 × 1024 picture with detail (gradients, shapes, grain), as PNG and JPEG. */
    private static BufferedImage picture(long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(r.nextInt()), 1024, 1024, new Color(r.nextInt())));
        g.fillRect(0, 0, 1024, 1024);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(r.nextInt()));
            g.fillOval(r.nextInt(1024), r.nextInt(1024), 40 + r.nextInt(300), 40 + r.nextInt(300));
        }
        g.dispose();
        for (int i = 0; i < 200_000; i++) {
            int x = r.nextInt(1024);
            int y = r.nextInt(1024);
            img.setRGB(x, y, img.getRGB(x, y) ^ 0x0F0F0F);
        }
        return img;
    }

    private static void fingerprintCost(Path dir) throws Exception {
        Fingerprinter f = new Fingerprinter();
        for (String format : List.of("png", "jpg")) {
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Path p = dir.resolve("pic-" + i + "." + format);
                ImageIO.write(picture(i), format, p.toFile());
                files.add(p);
            }
            BufferedImage decoded = ImageIO.read(files.get(0).toFile());
            for (int warm = 0; warm < 30; warm++) {
                ImageIO.read(files.get(warm % 8).toFile());
                f.of(files.get(warm % 8));
                f.of(decoded);
            }
            int n = 40;
            long[] decode = new long[n];
            long[] fromFile = new long[n];
            long[] compute = new long[n];
            for (int i = 0; i < n; i++) {
                Path p = files.get(i % 8);
                long t = System.nanoTime();
                ImageIO.read(p.toFile());
                decode[i] = System.nanoTime() - t;
                t = System.nanoTime();
                f.of(p);
                fromFile[i] = System.nanoTime() - t;
                t = System.nanoTime();
                f.of(decoded);
                compute[i] = System.nanoTime() - t;
            }
            System.out.printf(
                    "%nThe look of a 1024² %s (median of %d, alternating): from the file %.1f ms (decoded at 256 px and"
                            + " looked at) · the look alone, of a decoded picture %.1f ms (target <= 10 ms) · baseline: a"
                            + " full decode %.1f ms; from the file = %.2fx the decode%n",
                    format.toUpperCase(),
                    n,
                    Bench.pct(fromFile, 50),
                    Bench.pct(compute, 50),
                    Bench.pct(decode, 50),
                    Bench.pct(fromFile, 50) / Bench.pct(decode, 50));
        }
    }

    /** Every saved picture of the library looked at: the bench archive's pictures' real looks, each task's a little varied. */
    private static void fill(Library ledger) throws Exception {
        long t = System.nanoTime();
        Fingerprinter f = new Fingerprinter();
        Random r = new Random(3);
        List<Library.Looked> batch = new ArrayList<>();
        int done = 0;
        // 20,000 distinct pictures (the archive's real looks for their palettes, random shapes and layouts), each
        // five times: as saved, and four near-copies or re-generations (a few bits and colours off).
        List<Look> real = new ArrayList<>();
        for (var file : ledger.filesWithoutLook(200)) {
            real.add(f.of(file.localPath()).orElseThrow());
        }
        List<Look> bases = new ArrayList<>();
        for (int k = 0; k < 20_000; k++) {
            byte[] layout = new byte[Look.CELLS * 3];
            r.nextBytes(layout);
            bases.add(new Look(r.nextLong(), layout, real.get(k % real.size()).palette()));
        }
        List<TaskId> ids = ledger.list(TaskQuery.ALL).stream().map(x -> x.id()).toList();
        for (TaskId id : ids) {
            Look base = bases.get(done % bases.size());
            long hash = base.hash();
            int flips = r.nextInt(12);
            for (int k = 0; k < flips; k++) {
                hash ^= 1L << r.nextInt(64);
            }
            byte[] layout = base.layout();
            for (int k = 0; k < layout.length; k++) {
                layout[k] = (byte) (layout[k] + r.nextInt(7) - 3);
            }
            List<Palette.Swatch> swatches = new ArrayList<>();
            for (Palette.Swatch s : base.palette().swatches()) {
                swatches.add(new Palette.Swatch(s.rgb() ^ r.nextInt(0x080808), s.share()));
            }
            batch.add(new Library.Looked(id, 1, new Look(hash, layout, new Palette(swatches))));
            done++;
            if (batch.size() == 5000) {
                ledger.recordLooks(batch);
                batch.clear();
            }
        }
        ledger.recordLooks(batch);
        System.out.printf(
                "%nLooked at %,d saved pictures (kept in the ledger) in %.1f s%n", done, (System.nanoTime() - t) / 1e9);
    }

    private static void atScale(Library ledger) throws Exception {
        List<TaskId> ids = ledger.list(TaskQuery.ALL).stream().map(x -> x.id()).toList();
        long[] build = new long[5];
        LookIndex index = null;
        for (int i = 0; i < build.length; i++) {
            try (LookFinder finder = new LookFinder(ledger, null)) {
                long t = System.nanoTime();
                index = finder.index();
                build[i] = System.nanoTime() - t;
            }
        }
        Random r = new Random(11);
        long[] like = new long[RUNS];
        long[] colour = new long[RUNS];
        long[] page = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            TaskId id = ids.get(r.nextInt(ids.size()));
            long t = System.nanoTime();
            List<LookIndex.Match> m = index.like(id, LookFinder.LIKE_LIMIT);
            like[i] = System.nanoTime() - t;
            // What the window then reads: the first page of the ranked list.
            t = System.nanoTime();
            ledger.list(new TaskQuery(
                    LibraryFilter.NONE.rankedBy(new LibraryFilter.Ranking(
                            "like", m.stream().map(LookIndex.Match::id).toList())),
                    0,
                    200));
            page[i] = System.nanoTime() - t;
            t = System.nanoTime();
            index.colour(r.nextInt(0xFFFFFF), LookFinder.COLOUR_LIMIT);
            colour[i] = System.nanoTime() - t;
        }
        long t = System.nanoTime();
        List<LookIndex.Group> groups = index.duplicates();
        long dups = System.nanoTime() - t;
        System.out.printf(
                "%nFind by look over %,d pictures (SQLite library, %d runs each):%n"
                        + "  reading the looks into memory (once, and after changes): median %.0f ms%n"
                        + "  more like this: p50 %.1f ms, p95 %.1f ms (target <= 100 ms); then the ranked list's first page p95 %.1f ms%n"
                        + "  a colour filter: p50 %.1f ms, p95 %.1f ms (target <= 100 ms)%n"
                        + "  near-duplicates of the whole library: %.0f ms, %,d groups%n",
                index.size(),
                RUNS,
                Bench.pct(build, 50),
                Bench.pct(like, 50),
                Bench.pct(like, 95),
                Bench.pct(page, 95),
                Bench.pct(colour, 50),
                Bench.pct(colour, 95),
                dups / 1e6,
                groups.size());
    }
}
