package dev.aigcdesk.ui.detail;

import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.Expiry;
import dev.aigcdesk.domain.OutputFile;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.sync.SyncEvent;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Icons;
import dev.aigcdesk.ui.common.PaletteStrip;
import dev.aigcdesk.ui.common.Words;
import dev.aigcdesk.ui.preview.Thumbnails;
import dev.aigcdesk.ui.preview.VideoPane;
import java.io.File;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** One output: its preview, where it stands (expiry or archived), and what can be done with it. */
final class OutputCard extends VBox {

    /** What the buttons do; the detail view supplies it. */
    interface Actions extends PaletteStrip.Actions {
        void download(FileRecord f);

        void open(FileRecord f);

        void copyImage(FileRecord f, Image image);

        void copyUrl(FileRecord f);

        void reveal(FileRecord f);

        void view(FileRecord f);
    }

    private final ImageView preview = new ImageView();
    private Image image;
    private VideoPane video;

    /**
     * @param width   the preview's width, or 0 for a compact card without one (the contact sheet shows it)
     * @param natural the image's own width in pixels, or NaN: the preview is never drawn larger than that
     */
    private ProgressBar progress;

    private ObservableMap<String, SyncEvent.DownloadProgress> downloadsWatched;
    private MapChangeListener<String, SyncEvent.DownloadProgress> downloadListener;

    /** @param downloads the downloads under way (by {@code SyncEvent.DownloadProgress.fileKey}), or null not to show them */
    OutputCard(
            FileRecord f,
            double width,
            double natural,
            Words words,
            Thumbnails thumbnails,
            Clock clock,
            Actions actions,
            ObservableMap<String, SyncEvent.DownloadProgress> downloads) {
        I18n i18n = words.i18n();
        getStyleClass().add("output-card");
        OutputFile file = f.file();
        Label title = new Label(i18n.get(
                "file.title",
                f.index(),
                file.type().isEmpty() ? "file" : file.type().toUpperCase(Locale.ROOT)));
        title.getStyleClass().add("field-name");

        StackPane frame = new StackPane();
        frame.getStyleClass().add("preview-frame");
        frame.setMinHeight(width > 0 ? 160 : 0);
        double w = Double.isNaN(natural) ? Math.max(200, width) : Math.min(Math.max(200, width), natural);
        if (width <= 0) {
            frame.setManaged(false);
            frame.setVisible(false);
        } else if (f.flags().contains(FileRecord.FLAG_OVERSIZED)) {
            frame.getChildren().add(new Label(i18n.get("file.oversized"), Icons.of(Feather.ALERT_TRIANGLE)));
        } else if (file.isImage()) {
            Optional<Image> img = thumbnails.of(f, Math.min(w, 1600));
            if (img.isPresent()) {
                image = img.get();
                preview.setImage(image);
                preview.setPreserveRatio(true);
                preview.setFitWidth(w);
                preview.setFitHeight(Math.min(w, 560));
                preview.setId("preview-" + f.index());
                frame.getChildren().add(preview);
                image.errorProperty().addListener((o, a, b) -> {
                    if (b) {
                        frame.getChildren().setAll(new Label(i18n.get("file.previewFailed")));
                    }
                });
                frame.setOnMouseClicked(e -> actions.view(f));
                Tooltip.install(frame, new Tooltip(i18n.get("file.dragHint")));
            }
        } else if (file.isVideo()) {
            video = new VideoPane(f, w, thumbnails, i18n, () -> actions.open(f));
            frame.getChildren().add(video);
            frame.getStyleClass().add("video-frame");
        }
        if (f.isArchived() && f.localPath() != null) {
            frame.setOnDragDetected(e -> {
                var db = frame.startDragAndDrop(TransferMode.COPY);
                ClipboardContent c = new ClipboardContent();
                c.putFiles(List.of(new File(f.localPath().toString())));
                if (image != null) {
                    c.putImage(image);
                }
                db.setContent(c);
                e.consume();
            });
        }

        Label status = new Label();
        status.getStyleClass().add("expiry");
        status.setWrapText(true);
        if (f.state() == ArchiveState.ARCHIVED) {
            // One line, shortened in the middle where it is too long: the file name and the start of the folder stay
            // readable.
            status.setText(i18n.get("expiry.archived") + "  " + f.localPath());
            status.setWrapText(false);
            status.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            status.setMaxWidth(Double.MAX_VALUE);
            status.setTooltip(new Tooltip(f.localPath().toString()));
            status.getStyleClass().add("archived");
        } else if (f.state() == ArchiveState.EXPIRED) {
            status.setText(i18n.get("expiry.lost"));
            status.getStyleClass().add("expired");
        } else if (file.expiry().isPresent()) {
            Expiry e = Expiry.of(file.expiry().get(), clock);
            String waiting = words.expiry(e) + " · " + i18n.get("file.archiving")
                    + (f.lastError() == null ? "" : " · " + words.problem(f.lastError()));
            status.setText(waiting);
            status.getStyleClass().add(e.urgency().name().toLowerCase(Locale.ROOT));
            followDownload(f, downloads, status, waiting, words.expiry(e), i18n);
        } else {
            status.setText(i18n.get("expiry.never"));
        }
        status.setId("file-status-" + f.index());

        boolean lost = f.state() == ArchiveState.EXPIRED;
        Button download = button(Feather.DOWNLOAD, i18n.get("file.download"), () -> actions.download(f));
        download.setTooltip(new Tooltip(i18n.get("file.download.tip")));
        download.getStyleClass().add("accent");
        download.setId("download-" + f.index());
        Button open = button(Feather.EXTERNAL_LINK, i18n.get("file.open"), () -> actions.open(f));
        open.setDisable(!f.isArchived());
        Button copyImage = button(Feather.COPY, i18n.get("file.copyImage"), () -> actions.copyImage(f, image));
        copyImage.setDisable(image == null && !f.isArchived());
        if (lost) {
            // Nothing to download or copy: say why rather than leave a button that fails.
            download.setDisable(true);
            copyImage.setDisable(true);
            Tooltip why = new Tooltip(i18n.get("file.lost.why"));
            Tooltip.install(download, why);
            Tooltip.install(copyImage, why);
        }
        Button copyUrl = button(Feather.LINK, i18n.get("file.copyUrl"), () -> actions.copyUrl(f));
        Button reveal = button(Feather.FOLDER, i18n.get("file.reveal"), () -> actions.reveal(f));
        reveal.setDisable(!f.isArchived());
        FlowPane buttons = new FlowPane(8, 8, download, open, copyImage, copyUrl, reveal);
        if (lost) {
            Label whyLost = new Label(i18n.get("file.lost.why"));
            whyLost.getStyleClass().add("note");
            whyLost.setId("lost-why-" + f.index());
            buttons.getChildren().add(whyLost);
        }
        getChildren().addAll(title, frame, status);
        if (!f.palette().isEmpty()) {
            getChildren().add(new PaletteStrip(f.palette(), i18n, actions));
        }
        if (progress != null) {
            getChildren().add(progress);
        }
        getChildren().add(buttons);
        setSpacing(8);
    }

    /** The image shown, once it has loaded (for tests and the snapshot). */
    Image image() {
        return video != null ? video.posterImage().orElse(null) : image;
    }

    void dispose() {
        if (video != null) {
            video.dispose();
        }
        if (downloadsWatched != null) {
            downloadsWatched.removeListener(downloadListener);
        }
    }

    /** While the file downloads: "Saving · 45%" and a bar under the status, back to the waiting text if it stops. */
    private void followDownload(
            FileRecord f,
            ObservableMap<String, SyncEvent.DownloadProgress> downloads,
            Label status,
            String waiting,
            String expiry,
            I18n i18n) {
        if (downloads == null) {
            return;
        }
        String key = SyncEvent.DownloadProgress.fileKey(f.taskId(), f.index());
        progress = new ProgressBar();
        progress.setId("file-progress-" + f.index());
        progress.setMaxWidth(Double.MAX_VALUE);
        Runnable show = () -> {
            var under = downloads.get(key);
            progress.setVisible(under != null);
            progress.setManaged(under != null);
            if (under == null) {
                status.setText(waiting);
                return;
            }
            double share = under.share();
            progress.setProgress(share < 0 ? ProgressIndicator.INDETERMINATE_PROGRESS : share);
            status.setText(expiry + " · "
                    + (share < 0
                            ? i18n.get("file.downloading")
                            : i18n.get("file.downloadingShare", Math.round(share * 100))));
        };
        downloadsWatched = downloads;
        downloadListener = c -> {
            if (key.equals(c.getKey())) {
                show.run();
            }
        };
        downloads.addListener(downloadListener);
        show.run();
    }

    private static Button button(Feather icon, String text, Runnable action) {
        Button b = new Button(text, Icons.of(icon));
        b.setAccessibleText(text);
        b.setOnAction(e -> action.run());
        return b;
    }
}
