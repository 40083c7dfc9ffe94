package dev.aigcdesk.look;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.Look;
import dev.aigcdesk.domain.Palette;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.testing.Pictures;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private static LookIndex.Entry entry(int n, Look look, String prompt) {
        return new LookIndex.Entry(id(n), 1, "sha-" + n, 512L * 512, 0, prompt, look);
    }

    static TaskId id(int n) {
        return TaskId.parse(String.format("1397741205-AigcImageTask-%032xt", n));
    }

    @Test
    void aJpegReEncodeAndAHalfSizeCopyAreTheSamePicture() throws Exception {
        Look original = fingerprinter.of(Pictures.poster(512));
        Look jpeg = fingerprinter.of(Pictures.jpegOf(Pictures.poster(512)));
        Look half = fingerprinter.of(Pictures.resized(Pictures.poster(512), 256));
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
        Look original = fingerprinter.of(Pictures.poster(512));
        Look shifted = fingerprinter.of(Pictures.hueShifted(Pictures.poster(512)));
        assertThat(LookIndex.distance(original, shifted)).isLessThan(LookIndex.SIMILAR);
        assertThat(LookIndex.of(List.of(entry(1, original, "a"), entry(2, shifted, "b")))
                        .duplicates())
                .isEmpty();
    }

    @Test
    void fiveUnrelatedPicturesAreNotAlike() {
        List<Look> looks = new ArrayList<>();
        looks.add(fingerprinter.of(Pictures.poster(512)));
        for (BufferedImage img : Pictures.unrelated()) {
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
        entries.add(entry(1, fingerprinter.of(Pictures.poster(512)), "a poster"));
        int n = 2;
        for (BufferedImage img : Pictures.unrelated()) {
            entries.add(entry(n++, fingerprinter.of(img), "other " + n));
        }
        entries.add(entry(10, fingerprinter.of(Pictures.hueShifted(Pictures.poster(512))), "shifted"));
        entries.add(entry(11, fingerprinter.of(Pictures.jpegOf(Pictures.poster(512))), "jpeg"));
        List<LookIndex.Match> like = LookIndex.of(entries).like(id(1), 20);
        assertThat(like.get(0).id()).isEqualTo(id(1));
        assertThat(like.subList(1, 3).stream().map(LookIndex.Match::id)).containsExactly(id(11), id(10));
        assertThat(like.get(3).value()).isGreaterThan(LookIndex.SIMILAR);
    }

    @Test
    void thePaletteSaysWhatThePictureIsMadeOf() {
        Palette p = fingerprinter.of(Pictures.poster(512)).palette();
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
        entries.add(entry(1, fingerprinter.of(Pictures.poster(512)), "poster"));
        int n = 2;
        for (BufferedImage img : Pictures.unrelated()) {
            entries.add(entry(n++, fingerprinter.of(img), "other " + n));
        }
        LookIndex index = LookIndex.of(entries);
        assertThat(index.colour(0x1E90FF, 10).get(0).id()).as("dodger blue").isEqualTo(id(1));
        assertThat(index.colour(0x8B4513, 10).get(0).id()).as("saddle brown").isEqualTo(id(4));
        assertThat(index.colour(0xDC143C, 10).get(0).id()).as("crimson").isEqualTo(id(6));
        assertThat(index.colour(0x7FFF00, 10)).as("chartreuse is in none").isEmpty();
    }

    @Test
    void aChainOfSmallChangesIsNotOneGroupEachCopyIsACopyOfTheOneKept() {
        byte[] layout = new byte[Look.CELLS * 3];
        Look a = new Look(0L, layout, null);
        Look b = new Look(0b111L, layout, null); // 3 bits from a
        Look c = new Look(0b111111L, layout, null); // 3 from b, 6 from a
        List<LookIndex.Group> groups = LookIndex.of(List.of(
                        new LookIndex.Entry(id(1), 1, "x", 4000, 0, "p", a),
                        new LookIndex.Entry(id(2), 1, "y", 2000, 0, "p", b),
                        new LookIndex.Entry(id(3), 1, "z", 1000, 0, "p", c)))
                .duplicates();
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).keep().id()).as("the largest kept").isEqualTo(id(1));
        assertThat(groups.get(0).rest()).extracting(LookIndex.Entry::id).containsExactly(id(2));
        // A starred copy is the one to keep, whatever its size.
        List<LookIndex.Group> starred = LookIndex.of(List.of(
                        new LookIndex.Entry(id(1), 1, "x", 4000, 0, "p", a),
                        new LookIndex.Entry(id(2), 1, "y", 2000, 3, "p", b)))
                .duplicates();
        assertThat(starred.get(0).keep().id()).isEqualTo(id(2));
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
    void takingTheLookOfFilesLeavesNoFileOpen() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.isDirectory(fds), "counts open files where the OS shows them");
        Path png = dir.resolve("poster.png");
        ImageIO.write(Pictures.poster(256), "png", png.toFile());
        fingerprinter.of(png);
        long before;
        try (var s = Files.list(fds)) {
            before = s.count();
        }
        for (int i = 0; i < 50; i++) {
            assertThat(fingerprinter.of(png)).isPresent();
        }
        long after;
        try (var s = Files.list(fds)) {
            after = s.count();
        }
        assertThat(after - before).as("files left open by 50 looks").isLessThan(5);
    }

    @Test
    void aFileIsReadAtTheSizeTheLookNeedsAndAnUnreadableOneHasNoLook() throws Exception {
        Path png = dir.resolve("poster.png");
        ImageIO.write(Pictures.poster(1024), "png", png.toFile());
        Look fromFile = fingerprinter.of(png).orElseThrow();
        assertThat(LookIndex.distance(fromFile, fingerprinter.of(Pictures.poster(1024))))
                .isLessThan(0.05);
        Path junk = Files.writeString(dir.resolve("junk.png"), "not a picture");
        assertThat(fingerprinter.of(junk)).isEmpty();
    }
}
