package dev.aigcdesk.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.OutputFile;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.testing.Tasks;
import dev.aigcdesk.ui.common.I18n;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A picture with more pixels than the memory holds is shown from a smaller copy of the same shape,
 * with the zoom still true to its own pixels and the label saying so; others are decoded whole.
 */
@ExtendWith(ApplicationExtension.class)
class ZoomPaneTest {

    @TempDir
    static Path dir;

    /** A budget of 4,096 pixels: a 256 × 128 picture (32,768) is over it, a 48 × 32 one is not. */
    private static final long BUDGET = 4_096;

    private ZoomPane pane;

    @Start
    void start(Stage stage) {
        pane = new ZoomPane(new I18n(Locale.ENGLISH), null, BUDGET);
        stage.setScene(new Scene(new VBox(pane.label(), pane.node()), 600, 400));
        stage.show();
    }

    private static FileRecord archivedPng(String name, int width, int height) throws Exception {
        Path file = dir.resolve(name);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(img, "png", file.toFile());
        long size = Files.size(file);
        OutputFile out = new OutputFile(
                "https://vod.example.com/" + name,
                null,
                "Temporary",
                "png",
                size,
                (long) width,
                (long) height,
                null,
                null,
                null);
        return new FileRecord(
                Tasks.id(name.length()),
                1,
                out,
                ArchiveState.ARCHIVED,
                file,
                size,
                null,
                null,
                Set.of(),
                0,
                null,
                Instant.parse("2026-12-01T00:00:00Z"));
    }

    private void showAndWait(FileRecord f) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> pane.show(f)).get();
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> pane.image() != null && pane.image().getProgress() >= 1);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aPictureOverTheBudgetIsDecodedSmallerButZoomedAsItsOwnPixels(FxRobot robot) throws Exception {
        showAndWait(archivedPng("huge.png", 256, 128));

        assertThat(pane.image().isError()).isFalse();
        double decoded = pane.image().getWidth() * pane.image().getHeight();
        assertThat(decoded).as("within the budget").isLessThanOrEqualTo(BUDGET).isGreaterThan(BUDGET * 0.9);
        assertThat(pane.image().getWidth() / pane.image().getHeight())
                .as("the same shape")
                .isCloseTo(2.0, Offset.offset(0.05));

        robot.interact(() -> pane.setZoom(1));
        ImageView iv = (ImageView) robot.lookup(n -> n instanceof ImageView).query();
        assertThat(iv.getFitWidth())
                .as("1:1 is the picture's own 256 px, not the copy's")
                .isEqualTo(256);
        assertThat(pane.label().getText()).isEqualTo("100% · reduced copy");
        assertThat(pane.label().getTooltip().getText()).contains("90 × 45").contains("256 × 128");
    }

    @Test
    void aPictureWithinTheBudgetIsDecodedWhole(FxRobot robot) throws Exception {
        showAndWait(archivedPng("small.png", 48, 32));

        assertThat(pane.image().getWidth()).isEqualTo(48);
        assertThat(pane.image().getHeight()).isEqualTo(32);
        robot.interact(() -> pane.setZoom(1));
        assertThat(pane.label().getText()).isEqualTo("100%");
        assertThat(pane.label().getTooltip()).isNull();
    }

    @Test
    void theBudgetSharesTheHeapBetweenPanesWithRoomForTheRenderersCopy() {
        long gb = 1L << 30;
        assertThat(DecodeSize.budget(gb, 1))
                .as("a 1 GB heap shows up to 67 MP whole")
                .isEqualTo(67_108_864L);
        assertThat(DecodeSize.budget(gb, 4))
                .as("four side by side: a quarter each, 16.7 MP, still above a 4K picture")
                .isEqualTo(16_777_216L);
        assertThat(DecodeSize.reduced(null, 100L, 10))
                .as("unknown size: decoded whole")
                .isEmpty();
        assertThat(DecodeSize.reduced(3840L, 2160L, DecodeSize.budget(gb, 1)))
                .as("4K in the viewer: whole")
                .isEmpty();
        var eightK = DecodeSize.reduced(7680L, 4320L, DecodeSize.budget(gb, 4)).orElseThrow();
        assertThat((long) eightK.width() * eightK.height()).isLessThanOrEqualTo(DecodeSize.budget(gb, 4));
        assertThat(eightK.width() / (double) eightK.height()).isCloseTo(16 / 9.0, Offset.offset(0.01));
    }
}
