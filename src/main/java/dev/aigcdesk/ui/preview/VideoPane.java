package dev.aigcdesk.ui.preview;

import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Icons;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import javafx.scene.media.MediaView;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * A video: its poster frame until it plays, then the picture, with visible controls underneath
 * (play/pause, a scrubber, the time, mute). Where this system cannot play the file, the poster
 * stays and "Open in player" hands it to the desktop's player.
 */
public final class VideoPane extends VBox {

    private final ImageView poster = new ImageView();
    private final Button play = new Button();
    private final Slider scrubber = new Slider(0, 1, 0);
    private final Label time = new Label("0:00");
    private final ToggleButton mute = new ToggleButton();
    private final Thumbnails thumbnails;
    private final FileRecord file;
    private final double width;
    private final InvalidationListener posterArrived = o -> showPoster();
    private MediaPlayer player;

    public VideoPane(FileRecord f, double width, Thumbnails thumbnails, I18n i18n, Runnable openInPlayer) {
        this.thumbnails = thumbnails;
        this.file = f;
        this.width = width;
        getStyleClass().add("video-pane");
        setId("video-" + f.index());
        poster.setPreserveRatio(true);
        poster.setFitWidth(width);
        poster.setFitHeight(Math.min(width, 560));
        poster.setId("poster-" + f.index());
        StackPane stage = new StackPane();
        stage.getStyleClass().add("video-stage");
        stage.setMinHeight(Math.min(width * 9 / 16, 320));
        Label placeholder = new Label(null, Icons.of(Feather.FILM, 40));
        stage.getChildren().addAll(placeholder, poster);
        showPoster();
        if (poster.getImage() == null) {
            thumbnails.postersMadeProperty().addListener(posterArrived);
        }

        play.setGraphic(Icons.of(Feather.PLAY));
        play.setAccessibleText(i18n.get("video.play"));
        play.setTooltip(new Tooltip(i18n.get("video.play") + " (Space)"));
        play.getStyleClass().addAll("button-icon", "flat");
        play.setId("video-play-" + f.index());
        mute.setGraphic(Icons.of(Feather.VOLUME_2));
        mute.setAccessibleText(i18n.get("video.mute"));
        mute.setTooltip(new Tooltip(i18n.get("video.mute")));
        mute.getStyleClass().addAll("button-icon", "flat");
        time.getStyleClass().add("mono");
        time.setMinWidth(88);
        scrubber.setAccessibleText(i18n.get("video.position"));
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.setMaxWidth(Double.MAX_VALUE);
        Button external = new Button(i18n.get("file.video.openInPlayer"), Icons.of(Feather.EXTERNAL_LINK));
        external.setOnAction(e -> openInPlayer.run());
        HBox controls = new HBox(8, play, scrubber, time, mute);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.getStyleClass().add("video-controls");
        controls.setId("video-controls-" + f.index());
        setSpacing(4);
        getChildren().addAll(stage, controls);
        setDisabledControls(true);

        try {
            Media media = new Media(f.bestSource());
            player = new MediaPlayer(media);
            MediaView view = new MediaView(player);
            view.setPreserveRatio(true);
            view.setFitWidth(width);
            view.setFitHeight(Math.min(width, 560));
            view.setVisible(false);
            stage.getChildren().add(view);
            player.setOnReady(() -> {
                setDisabledControls(false);
                scrubber.setMax(Math.max(0.1, media.getDuration().toSeconds()));
                time.setText(clock(Duration.ZERO, media.getDuration()));
            });
            player.currentTimeProperty().addListener((o, a, now) -> {
                if (!scrubber.isValueChanging()) {
                    scrubber.setValue(now.toSeconds());
                }
                time.setText(clock(now, media.getDuration()));
            });
            scrubber.valueProperty().addListener((o, a, b) -> {
                if (scrubber.isValueChanging()
                        || Math.abs(b.doubleValue() - player.getCurrentTime().toSeconds()) > 0.5) {
                    player.seek(Duration.seconds(b.doubleValue()));
                }
            });
            player.statusProperty()
                    .addListener((o, a, b) ->
                            play.setGraphic(Icons.of(b == MediaPlayer.Status.PLAYING ? Feather.PAUSE : Feather.PLAY)));
            player.setOnEndOfMedia(() -> {
                player.pause();
                player.seek(Duration.ZERO);
            });
            mute.selectedProperty().addListener((o, a, b) -> {
                player.setMute(b);
                mute.setGraphic(Icons.of(b ? Feather.VOLUME_X : Feather.VOLUME_2));
            });
            play.setOnAction(e -> {
                view.setVisible(true);
                poster.setVisible(false);
                toggle();
            });
            stage.setOnMouseClicked(e -> play.fire());
            Runnable cannotPlay = () -> {
                setDisabledControls(true);
                if (!controls.getChildren().contains(external)) {
                    controls.getChildren().add(external);
                }
            };
            player.setOnError(cannotPlay);
            media.setOnError(cannotPlay);
        } catch (RuntimeException | Error unsupported) {
            // No media support for this platform or file: the poster and "Open in player" stay.
            player = null;
            controls.getChildren().add(external);
        }
    }

    /** Plays or pauses (Space in the detail pane). */
    public void toggle() {
        if (player == null) {
            return;
        }
        if (player.getStatus() == MediaPlayer.Status.PLAYING) {
            player.pause();
        } else {
            player.play();
        }
    }

    /** The poster frame shown, once there is one (for tests and snapshots). */
    public Optional<Image> posterImage() {
        return Optional.ofNullable(poster.getImage());
    }

    public void dispose() {
        thumbnails.postersMadeProperty().removeListener(posterArrived);
        if (player != null) {
            player.dispose();
        }
    }

    private void showPoster() {
        thumbnails.of(file, Math.min(width, 1280)).ifPresent(img -> {
            poster.setImage(img);
            thumbnails.postersMadeProperty().removeListener(posterArrived);
        });
    }

    private void setDisabledControls(boolean off) {
        play.setDisable(off);
        scrubber.setDisable(off);
        mute.setDisable(off);
    }

    static String clock(Duration now, Duration total) {
        return mmss(now) + " / " + (total == null || total.isUnknown() || total.isIndefinite() ? "–:––" : mmss(total));
    }

    /** A length as a designer reads it: 0:05, 1:30. */
    public static String clock(Duration d) {
        return mmss(d);
    }

    private static String mmss(Duration d) {
        long s = (long) Math.floor(d.toSeconds());
        return s / 60 + ":" + String.format("%02d", s % 60);
    }
}
