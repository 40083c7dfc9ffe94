package dev.aigcdesk.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.OutputFile;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.sync.SyncEvent;
import dev.aigcdesk.testing.Tasks;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Words;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A file still being saved says how far its download is, under its expiry, and goes back to waiting if it stops. */
@ExtendWith(ApplicationExtension.class)
class OutputCardTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static final OutputCard.Actions NONE = new OutputCard.Actions() {
        @Override
        public void download(FileRecord f) {}

        @Override
        public void open(FileRecord f) {}

        @Override
        public void copyImage(FileRecord f, Image image) {}

        @Override
        public void copyUrl(FileRecord f) {}

        @Override
        public void reveal(FileRecord f) {}

        @Override
        public void view(FileRecord f) {}
    };

    private static FileRecord pending() {
        OutputFile out = new OutputFile(
                "https://vod.example.com/clip.mp4",
                NOW.plusSeconds(6 * 86_400 + 3_600),
                "Temporary",
                "mp4",
                null,
                null,
                null,
                null,
                null,
                null);
        return new FileRecord(
                Tasks.id(1), 1, out, ArchiveState.PENDING, null, null, null, null, Set.of(), 0, null, null);
    }

    private static String status(OutputCard card) {
        return ((Label) card.lookup("#file-status-1")).getText();
    }

    private static ProgressBar bar(OutputCard card) {
        return (ProgressBar) card.lookup("#file-progress-1");
    }

    @Test
    void aDownloadUnderWayShowsItsShareAndABarThenWaitingAgain() throws Exception {
        ObservableMap<String, SyncEvent.DownloadProgress> downloads = FXCollections.observableHashMap();
        String key = SyncEvent.DownloadProgress.fileKey(Tasks.id(1), 1);
        OutputCard card = WaitForAsyncUtils.asyncFx(() -> new OutputCard(
                        pending(),
                        0,
                        Double.NaN,
                        new Words(new I18n(Locale.ENGLISH), ZoneOffset.UTC),
                        null,
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        NONE,
                        downloads))
                .get();

        String waiting = status(card);
        assertThat(waiting).isEqualTo("Expires in 6 days · Not archived yet");
        assertThat(bar(card).isVisible()).isFalse();

        WaitForAsyncUtils.asyncFx(() -> downloads.put(key, new SyncEvent.DownloadProgress(Tasks.id(1), 1, 45, 100)))
                .get();
        assertThat(status(card)).isEqualTo("Expires in 6 days · Saving now · 45%");
        assertThat(bar(card).isVisible()).isTrue();
        assertThat(bar(card).getProgress()).isEqualTo(0.45);

        WaitForAsyncUtils.asyncFx(() -> downloads.put(key, new SyncEvent.DownloadProgress(Tasks.id(1), 1, 12, -1)))
                .get();
        assertThat(status(card)).as("a server that did not say the size").isEqualTo("Expires in 6 days · Saving now");
        assertThat(bar(card).getProgress()).isEqualTo(ProgressIndicator.INDETERMINATE_PROGRESS);

        WaitForAsyncUtils.asyncFx(() -> downloads.put(
                        SyncEvent.DownloadProgress.fileKey(Tasks.id(2), 1),
                        new SyncEvent.DownloadProgress(Tasks.id(2), 1, 90, 100)))
                .get();
        assertThat(status(card))
                .as("another file's download is not this one's")
                .isEqualTo("Expires in 6 days · Saving now");

        WaitForAsyncUtils.asyncFx(() -> downloads.remove(key)).get();
        assertThat(status(card))
                .as("stopped (failed, to be retried): waiting again")
                .isEqualTo(waiting);
        assertThat(bar(card).isVisible()).isFalse();

        WaitForAsyncUtils.asyncFx(card::dispose).get();
        WaitForAsyncUtils.asyncFx(() -> downloads.put(key, new SyncEvent.DownloadProgress(Tasks.id(1), 1, 50, 100)))
                .get();
        assertThat(status(card)).as("a card no longer shown stops listening").isEqualTo(waiting);
    }
}
