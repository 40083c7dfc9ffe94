package dev.aigcdesk.look;

import dev.aigcdesk.domain.Look;
import dev.aigcdesk.domain.Palette;
import dev.aigcdesk.io.ImageFiles;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageReadParam;

/**
 * Takes a picture's {@link Look}: everything is computed from a 64 × 64 average of it, so the same picture
 * re-encoded or resized gives nearly the same look. The hash is a DCT hash of its brightness (pHash), the
 * layout the mean colour of a 4 × 4 grid, and the palette a k-means of its colours in L*a*b*.
 */
public final class Fingerprinter {

    private static final int SIDE = 64;
    private static final int HASH_SIDE = 32;
    private static final int PALETTE_SIZE = 5;
    /** Decoded at about this many pixels across, at least: the look needs no more. */
    private static final int DECODE_SIDE = 256;
    /** Pictures beyond this are not decoded (a hostile header can claim any size). */
    private static final long MAX_PIXELS = 100_000_000L;

    private static final double[][] COS = new double[8][HASH_SIDE];

    static {
        for (int u = 0; u < 8; u++) {
            for (int x = 0; x < HASH_SIDE; x++) {
                COS[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * HASH_SIDE));
            }
        }
    }

    /** The look of the picture in {@code file} (PNG, JPEG, WebP where a reader is installed), or empty when it cannot be read. */
    public Optional<Look> of(Path file) {
        return ImageFiles.read(file, reader -> {
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            if (w <= 0 || h <= 0 || (long) w * h > MAX_PIXELS) {
                return null;
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.min(w, h) / DECODE_SIDE);
            param.setSourceSubsampling(step, step, 0, 0);
            return of(reader.read(0, param));
        });
    }

    /** The look of a decoded picture. */
    public Look of(BufferedImage image) {
        int[] rgb = average(image);
        return new Look(hash(rgb), layout(rgb), palette(rgb));
    }

    /**
     * The picture averaged down to 64 × 64 (sRGB, 0xRRGGBB), each cell the mean of the pixels it covers; a large
     * picture is sampled on a grid of about 256 × 256 (each cell still averages 16 of them).
     */
    private static int[] average(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int step = Math.max(1, Math.min(w, h) / DECODE_SIDE);
        boolean alpha = image.getColorModel().hasAlpha();
        int[] direct = image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB
                ? ((DataBufferInt) image.getRaster().getDataBuffer()).getData()
                : null;
        long[] r = new long[SIDE * SIDE];
        long[] g = new long[SIDE * SIDE];
        long[] b = new long[SIDE * SIDE];
        int[] n = new int[SIDE * SIDE];
        int[] row = new int[w];
        for (int y = 0; y < h; y += step) {
            int offset = 0;
            int[] line = row;
            if (direct != null) {
                line = direct;
                offset = y * w;
            } else {
                image.getRGB(0, y, w, 1, row, 0, w);
            }
            int cy = (int) ((long) y * SIDE / h) * SIDE;
            for (int x = 0; x < w; x += step) {
                int c = cy + (int) ((long) x * SIDE / w);
                int p = line[offset + x];
                int pr = (p >> 16) & 0xFF;
                int pg = (p >> 8) & 0xFF;
                int pb = p & 0xFF;
                if (alpha) {
                    // Transparent pixels count as white, as a viewer shows them on a light page.
                    int a = p >>> 24;
                    pr = pr * a / 255 + (255 - a);
                    pg = pg * a / 255 + (255 - a);
                    pb = pb * a / 255 + (255 - a);
                }
                r[c] += pr;
                g[c] += pg;
                b[c] += pb;
                n[c]++;
            }
        }
        int[] out = new int[SIDE * SIDE];
        for (int i = 0; i < out.length; i++) {
            if (n[i] == 0) {
                // A picture narrower than 64 px: borrow the neighbour to the left (or above).
                out[i] = i % SIDE > 0 ? out[i - 1] : i >= SIDE ? out[i - SIDE] : 0xFFFFFF;
            } else {
                out[i] = (int) (r[i] / n[i]) << 16 | (int) (g[i] / n[i]) << 8 | (int) (b[i] / n[i]);
            }
        }
        return out;
    }

    /** pHash: the 8 × 8 lowest frequencies of a 32 × 32 DCT of the brightness, each bit above or below their median. */
    private static long hash(int[] rgb) {
        double[] grey = new double[HASH_SIDE * HASH_SIDE];
        for (int y = 0; y < HASH_SIDE; y++) {
            for (int x = 0; x < HASH_SIDE; x++) {
                double sum = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int p = rgb[(2 * y + dy) * SIDE + 2 * x + dx];
                        sum += 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
                    }
                }
                grey[y * HASH_SIDE + x] = sum / 4;
            }
        }
        double[][] rows = new double[HASH_SIDE][8];
        for (int y = 0; y < HASH_SIDE; y++) {
            for (int u = 0; u < 8; u++) {
                double s = 0;
                for (int x = 0; x < HASH_SIDE; x++) {
                    s += grey[y * HASH_SIDE + x] * COS[u][x];
                }
                rows[y][u] = s;
            }
        }
        double[] coef = new double[64];
        for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
                double s = 0;
                for (int y = 0; y < HASH_SIDE; y++) {
                    s += rows[y][u] * COS[v][y];
                }
                coef[v * 8 + u] = s;
            }
        }
        double[] sorted = Arrays.copyOfRange(coef, 1, 64); // the DC term says only how bright overall
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        long bits = 0;
        for (int i = 0; i < 64; i++) {
            if (coef[i] > median) {
                bits |= 1L << i;
            }
        }
        return bits;
    }

    /** The mean colour of each cell of a 4 × 4 grid, in L*a*b*, a byte each. */
    private static byte[] layout(int[] rgb) {
        byte[] out = new byte[Look.CELLS * 3];
        int cell = SIDE / 4;
        for (int cy = 0; cy < 4; cy++) {
            for (int cx = 0; cx < 4; cx++) {
                double r = 0;
                double g = 0;
                double b = 0;
                for (int y = cy * cell; y < (cy + 1) * cell; y++) {
                    for (int x = cx * cell; x < (cx + 1) * cell; x++) {
                        int p = rgb[y * SIDE + x];
                        r += Lab.linear((p >> 16) & 0xFF);
                        g += Lab.linear((p >> 8) & 0xFF);
                        b += Lab.linear(p & 0xFF);
                    }
                }
                double k = cell * cell;
                Lab lab = Lab.ofLinear(r / k, g / k, b / k);
                int i = (cy * 4 + cx) * 3;
                out[i] = (byte) Math.round(Math.max(0, Math.min(100, lab.l())) * 2.55);
                out[i + 1] = (byte) (int) Math.round(Math.max(-128, Math.min(127, lab.a())));
                out[i + 2] = (byte) (int) Math.round(Math.max(-128, Math.min(127, lab.b())));
            }
        }
        return out;
    }

    /** A cell of a layout back as a colour. */
    static Lab cell(byte[] layout, int i) {
        return new Lab((layout[i * 3] & 0xFF) / 2.55, layout[i * 3 + 1], layout[i * 3 + 2]);
    }

    /** The dominant colours: k-means in L*a*b*, seeded from the most common coarse colours, near twins merged. */
    private static Palette palette(int[] rgb) {
        Lab[] px = new Lab[rgb.length];
        Map<Integer, double[]> bins = new HashMap<>();
        for (int i = 0; i < rgb.length; i++) {
            px[i] = Lab.ofRgb(rgb[i]);
            int key =
                    (int) (px[i].l() / 12) << 16 | (int) ((px[i].a() + 128) / 20) << 8 | (int) ((px[i].b() + 128) / 20);
            double[] s = bins.computeIfAbsent(key, k -> new double[4]);
            s[0] += px[i].l();
            s[1] += px[i].a();
            s[2] += px[i].b();
            s[3]++;
        }
        List<double[]> byCount = new ArrayList<>(bins.values());
        byCount.sort(Comparator.comparingDouble((double[] s) -> -s[3]));
        List<Lab> centres = new ArrayList<>();
        for (double[] s : byCount) {
            Lab c = new Lab(s[0] / s[3], s[1] / s[3], s[2] / s[3]);
            if (centres.stream().noneMatch(o -> o.distance2(c) < 15 * 15)) {
                centres.add(c);
            }
            if (centres.size() == PALETTE_SIZE) {
                break;
            }
        }
        int k = centres.size();
        int[] assign = new int[px.length];
        double[][] sums = new double[k][4];
        for (int iter = 0; iter < 8; iter++) {
            for (double[] s : sums) {
                Arrays.fill(s, 0);
            }
            for (int i = 0; i < px.length; i++) {
                int best = 0;
                double bestD = Double.MAX_VALUE;
                for (int c = 0; c < k; c++) {
                    double d = px[i].distance2(centres.get(c));
                    if (d < bestD) {
                        bestD = d;
                        best = c;
                    }
                }
                assign[i] = best;
                sums[best][0] += px[i].l();
                sums[best][1] += px[i].a();
                sums[best][2] += px[i].b();
                sums[best][3]++;
            }
            for (int c = 0; c < k; c++) {
                if (sums[c][3] > 0) {
                    centres.set(c, new Lab(sums[c][0] / sums[c][3], sums[c][1] / sums[c][3], sums[c][2] / sums[c][3]));
                }
            }
        }
        // Near twins (the eye would call them one colour) become one swatch.
        List<double[]> merged = new ArrayList<>();
        List<Lab> mergedLab = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (sums[c][3] == 0) {
                continue;
            }
            Lab lab = centres.get(c);
            int twin = -1;
            for (int m = 0; m < mergedLab.size(); m++) {
                if (mergedLab.get(m).deltaE2000(lab) < 6) {
                    twin = m;
                    break;
                }
            }
            if (twin < 0) {
                merged.add(new double[] {lab.l() * sums[c][3], lab.a() * sums[c][3], lab.b() * sums[c][3], sums[c][3]});
                mergedLab.add(lab);
            } else {
                double[] t = merged.get(twin);
                t[0] += lab.l() * sums[c][3];
                t[1] += lab.a() * sums[c][3];
                t[2] += lab.b() * sums[c][3];
                t[3] += sums[c][3];
                mergedLab.set(twin, new Lab(t[0] / t[3], t[1] / t[3], t[2] / t[3]));
            }
        }
        List<Palette.Swatch> swatches = new ArrayList<>();
        for (int m = 0; m < merged.size(); m++) {
            double share = merged.get(m)[3] / px.length;
            if (share >= 0.01) {
                swatches.add(new Palette.Swatch(mergedLab.get(m).rgb(), share));
            }
        }
        swatches.sort(Comparator.comparingDouble((Palette.Swatch s) -> -s.share()));
        return new Palette(swatches);
    }
}
