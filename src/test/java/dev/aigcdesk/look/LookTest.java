package dev.aigcdesk.look;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.Look;
import dev.aigcdesk.domain.Palette;
import dev.aigcdesk.domain.TaskId;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Looks of pictures the test draws itself, each with known colours and known relations: a JPEG re-encode
 * and a half-size copy are the same picture; a hue-shifted copy looks alike but is not the same; five
 * unrelated pictures are not alike; a colour finds the picture made of it.
 */
class LookTest {

    @TempDir
    Path dir;

    private final Fingerprinter fingerprinter = new Fingerprinter();

    /** A poster: a blue sky over green hills, an orange sun, a white house: about half blue. */
    static BufferedImage poster(int side) {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double k = side / 512.0;
        g.setColor(new Color(0x1E90FF));
        g.fillRect(0, 0, side, side);
        g.setColor(new Color(0x2E8B57));
        g.fillOval((int) (-100 * k), (int) (300 * k), (int) (500 * k), (int) (400 * k));
        g.fillOval((int) (200 * k), (int) (320 * k), (int) (500 * k), (int) (400 * k));
        g.setColor(new Color(0xFF8C00));
        g.fillOval((int) (340 * k), (int) (60 * k), (int) (110 * k), (int) (110 * k));
        g.setColor(Color.WHITE);
        g.fillRect((int) (120 * k), (int) (250 * k), (int) (120 * k), (int) (100 * k));
        g.setColor(new Color(0x8B0000));
        g.fillPolygon(
                new int[] {(int) (110 * k), (int) (180 * k), (int) (250 * k)},
                new int[] {(int) (250 * k), (int) (190 * k), (int) (250 * k)},
                3);
        g.dispose();
        return img;
    }

    private static BufferedImage jpegOf(BufferedImage img) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
    }

    private static BufferedImage resized(BufferedImage img, int side) {
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, side, side, null);
        g.dispose();
        return out;
    }

    /** Every colour turned 120° round the hue circle: the same shapes in other colours. */
    private static BufferedImage hueShifted(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        float[] hsb = new float[3];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                Color.RGBtoHSB((p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF, hsb);
                out.setRGB(x, y, Color.HSBtoRGB(hsb[0] + 1f / 3, hsb[1], hsb[2]));
            }
        }
        return out;
    }

    /** Five pictures with nothing in common with the poster or each other. */
    static List<BufferedImage> unrelated() {
        List<BufferedImage> out = new ArrayList<>();
        int s = 384;
        BufferedImage checks = new BufferedImage(s, s, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                checks.setRGB(x, y, ((x / 48 + y / 48) % 2 == 0) ? 0x111111 : 0xEEEEEE);
            }
        }
        out.add(checks);
        BufferedImage stripes = new BufferedImage(s, s, BufferedImage.TYPE_INT_RGB);
        int[] colours = {0xC71585, 0xFFD700, 0x4B0082, 0x00CED1};
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                stripes.setRGB(x, y, colours[(x / 24) % 4]);
            }
        }
        out.add(stripes);
        BufferedImage diagonal = new BufferedImage(s, s, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = diagonal.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x8B4513), s, s, new Color(0xFFF8DC)));
        g.fillRect(0, 0, s, s);
        g.dispose();
        out.add(diagonal);
        BufferedImage noise = new BufferedImage(s, s, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(7);
        for (int by = 0; by < s; by += 32) {
            for (int bx = 0; bx < s; bx += 32) {
                int c = r.nextInt(0xFFFFFF);
                for (int y = by; y < by + 32; y++) {
                    for (int x = bx; x < bx + 32; x++) {
                        noise.setRGB(x, y, c);
                    }
                }
            }
        }
        out.add(noise);
        BufferedImage portrait = new BufferedImage(s, s, BufferedImage.TYPE_INT_RGB);
        g = portrait.createGraphics();
        g.setColor(new Color(0xF5DEB3));
        g.fillRect(0, 0, s, s);
        g.setColor(new Color(0x2F4F4F));
        g.fillOval(s / 4, s / 6, s / 2, s * 2 / 3);
        g.setColor(new Color(0xDC143C));
        g.fillRect(0, s * 5 / 6, s, s / 6);
        g.dispose();
        out.add(portrait);
        return out;
    }

    private static LookIndex.Entry entry(int n, Look look, String prompt) {
        return new LookIndex.Entry(id(n), 1, "sha-" + n, 512L * 512, 0, prompt, look);
    }

    static TaskId id(int n) {
        return TaskId.parse(String.format("1397741205-AigcImageTask-%032xt", n));
    }

    @Test
    void aJpegReEncodeAndAHalfSizeCopyAreTheSamePicture() throws Exception {
        Look original = fingerprinter.of(poster(512));
        Look jpeg = fingerprinter.of(jpegOf(poster(512)));
        Look half = fingerprinter.of(resized(poster(512), 256));
        assertThat(Long.bitCount(original.hash() ^ jpeg.hash())).isLessThanOrEqualTo(5);
        assertThat(Long.bitCount(original.hash() ^ half.hash())).isLessThanOrEqualTo(5);
        List<LookIndex.Group> groups = LookIndex.of(List.of(
                        entry(1, original, "poster"), entry(2, jpeg, "poster jpeg"), entry(3, half, "poster small")))
                .duplicates();
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).copies()).hasSize(3);
    }

    @Test
    void aHueShiftedCopyLooksAlikeButIsNotTheSamePicture() {
        Look original = fingerprinter.of(poster(512));
        Look shifted = fingerprinter.of(hueShifted(poster(512)));
        assertThat(LookIndex.distance(original, shifted)).isLessThan(LookIndex.SIMILAR);
        assertThat(LookIndex.of(List.of(entry(1, original, "a"), entry(2, shifted, "b")))
                        .duplicates())
                .isEmpty();
    }

    @Test
    void fiveUnrelatedPicturesAreNotAlike() {
        List<Look> looks = new ArrayList<>();
        looks.add(fingerprinter.of(poster(512)));
        for (BufferedImage img : unrelated()) {
            looks.add(fingerprinter.of(img));
        }
        for (int i = 0; i < looks.size(); i++) {
            for (int j = i + 1; j < looks.size(); j++) {
                assertThat(LookIndex.distance(looks.get(i), looks.get(j)))
                        .as("pictures %d and %d", i, j)
                        .isGreaterThan(LookIndex.SIMILAR);
            }
        }
        List<LookIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < looks.size(); i++) {
            entries.add(entry(i + 1, looks.get(i), "prompt " + i));
        }
        assertThat(LookIndex.of(entries).duplicates()).isEmpty();
    }

    @Test
    void moreLikeThisPutsTheSamePictureAndItsVariantsFirst() throws Exception {
        List<LookIndex.Entry> entries = new ArrayList<>();
        entries.add(entry(1, fingerprinter.of(poster(512)), "a poster"));
        int n = 2;
        for (BufferedImage img : unrelated()) {
            entries.add(entry(n++, fingerprinter.of(img), "other " + n));
        }
        entries.add(entry(10, fingerprinter.of(hueShifted(poster(512))), "shifted"));
        entries.add(entry(11, fingerprinter.of(jpegOf(poster(512))), "jpeg"));
        List<LookIndex.Match> like = LookIndex.of(entries).like(id(1), 20);
        assertThat(like.get(0).id()).isEqualTo(id(1));
        assertThat(like.subList(1, 3).stream().map(LookIndex.Match::id)).containsExactly(id(11), id(10));
        assertThat(like.get(3).value()).isGreaterThan(LookIndex.SIMILAR);
    }

    @Test
    void thePaletteSaysWhatThePictureIsMadeOf() {
        Palette p = fingerprinter.of(poster(512)).palette();
        assertThat(p.swatches()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        Palette.Swatch first = p.swatches().get(0);
        assertThat(Lab.ofRgb(first.rgb()).deltaE2000(Lab.ofRgb(0x1E90FF))).isLessThan(5);
        assertThat(first.share()).isBetween(0.4, 0.75);
        assertThat(p.swatches().stream().mapToDouble(Palette.Swatch::share).sum())
                .isBetween(0.95, 1.0001);
        assertThat(p.swatches())
                .anyMatch(s -> Lab.ofRgb(s.rgb()).deltaE2000(Lab.ofRgb(0x2E8B57)) < 8)
                .anyMatch(s -> Lab.ofRgb(s.rgb()).deltaE2000(Lab.ofRgb(0xFF8C00)) < 10);
        assertThat(Palette.decode(p.encode()).swatches()).hasSameSizeAs(p.swatches());
    }

    @Test
    void aColourQueryRanksThePictureMadeOfItFirst() {
        List<LookIndex.Entry> entries = new ArrayList<>();
        entries.add(entry(1, fingerprinter.of(poster(512)), "poster"));
        int n = 2;
        for (BufferedImage img : unrelated()) {
            entries.add(entry(n++, fingerprinter.of(img), "other " + n));
        }
        LookIndex index = LookIndex.of(entries);
        assertThat(index.colour(0x1E90FF, 10).get(0).id()).as("dodger blue").isEqualTo(id(1));
        assertThat(index.colour(0x8B4513, 10).get(0).id()).as("saddle brown").isEqualTo(id(4));
        assertThat(index.colour(0xDC143C, 10).get(0).id()).as("crimson").isEqualTo(id(6));
        assertThat(index.colour(0x7FFF00, 10)).as("chartreuse is in none").isEmpty();
    }

    @Test
    void ciede2000MatchesPublishedTestPairs() {
        // Sharma, Wu and Dalal (2005), pairs 1, 7 and 17.
        assertThat(new Lab(50, 2.6772, -79.7751).deltaE2000(new Lab(50, 0, -82.7485)))
                .isCloseTo(2.0425, within());
        assertThat(new Lab(50, 0, 0).deltaE2000(new Lab(50, -1, 2))).isCloseTo(2.3669, within());
        assertThat(new Lab(50, 2.5, 0).deltaE2000(new Lab(73, 25, -18))).isCloseTo(27.1492, within());
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.0005);
    }

    @Test
    void aFileIsReadAtTheSizeTheLookNeedsAndAnUnreadableOneHasNoLook() throws Exception {
        Path png = dir.resolve("poster.png");
        ImageIO.write(poster(1024), "png", png.toFile());
        Look fromFile = fingerprinter.of(png).orElseThrow();
        assertThat(LookIndex.distance(fromFile, fingerprinter.of(poster(1024)))).isLessThan(0.05);
        Path junk = Files.writeString(dir.resolve("junk.png"), "not a picture");
        assertThat(fingerprinter.of(junk)).isEmpty();
    }
}
