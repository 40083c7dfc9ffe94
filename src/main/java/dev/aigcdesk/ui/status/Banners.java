package dev.aigcdesk.ui.status;

import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Icons;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The strip under the toolbar: the rejected key, offline or a slow service, demo mode, and Undo after a removal. */
public final class Banners {

    private final VBox box = new VBox();
    private final StatusViewModel vm;
    private final I18n i18n;
    private final boolean demo;
    private final long offlineRetrySeconds;
    private final Runnable openSettings;
    private HBox undoBar;
    private ObservableBooleanValue noKey;

    public Banners(StatusViewModel vm, I18n i18n, boolean demo, long offlineRetrySeconds, Runnable openSettings) {
        this.vm = vm;
        this.i18n = i18n;
        this.demo = demo;
        this.offlineRetrySeconds = offlineRetrySeconds;
        this.openSettings = openSettings;
        vm.keyRejectedProperty().addListener((o, a, b) -> update());
        vm.offlineProperty().addListener((o, a, b) -> update());
        vm.slowProperty().addListener((o, a, b) -> update());
        vm.archiveBlockedProperty().addListener((o, a, b) -> update());
        vm.teamUnreachableProperty().addListener((o, a, b) -> update());
        update();
    }

    public VBox node() {
        return box;
    }

    /** While {@code shown}: there is no API key, and the library the window shows is not refreshed or saved. */
    public void noKey(ObservableBooleanValue shown) {
        noKey = shown;
        shown.addListener((o, a, b) -> update());
        update();
    }

    /** Shows (or, with null, hides) the Undo strip for a removed task. */
    public void undo(String what, Runnable undo) {
        if (what == null) {
            undoBar = null;
        } else {
            Button b = new Button(i18n.get("remove.undo"), Icons.of(Feather.ROTATE_CCW));
            b.setId("undo-button");
            b.setOnAction(e -> undo.run());
            undoBar = banner("warning", Feather.TRASH_2, i18n.get("remove.done", what), "undo-bar", b);
        }
        update();
    }

    private void update() {
        box.getChildren().clear();
        if (vm.keyRejectedProperty().get()) {
            Button open = new Button(i18n.get("banner.openSettings"));
            open.setOnAction(e -> openSettings.run());
            box.getChildren().add(banner("danger", Feather.KEY, i18n.get("banner.keyRejected"), "key-banner", open));
        } else if (noKey != null && noKey.get()) {
            Button open = new Button(i18n.get("banner.openSettings"));
            open.setOnAction(e -> openSettings.run());
            box.getChildren().add(banner("warning", Feather.KEY, i18n.get("banner.noKey"), "no-key-banner", open));
        } else if (vm.offlineProperty().get()) {
            box.getChildren()
                    .add(banner(
                            "warning",
                            Feather.WIFI_OFF,
                            i18n.get("banner.offline", offlineRetrySeconds),
                            "offline-banner"));
        } else if (vm.slowProperty().get()) {
            box.getChildren().add(banner("warning", Feather.CLOCK, i18n.get("banner.slow"), "slow-banner"));
        }
        if (vm.teamUnreachableProperty().get()) {
            box.getChildren()
                    .add(banner("danger", Feather.CLOUD_OFF, i18n.get("banner.teamUnreachable"), "team-banner"));
        }
        if (vm.archiveBlockedProperty().get() != null) {
            Button open = new Button(i18n.get("banner.openSettings"));
            open.setOnAction(e -> openSettings.run());
            box.getChildren()
                    .add(banner(
                            "danger",
                            Feather.HARD_DRIVE,
                            i18n.get(
                                    "banner.archiveBlocked",
                                    i18n.catalog()
                                            .problem(vm.archiveBlockedProperty().get())),
                            "archive-banner",
                            open));
        }
        if (demo) {
            box.getChildren().add(banner("warning", Feather.PLAY_CIRCLE, i18n.get("banner.demo"), "demo-banner"));
        }
        if (undoBar != null) {
            box.getChildren().add(undoBar);
        }
    }

    private static HBox banner(String kind, Feather icon, String text, String id, Node... extra) {
        Label l = new Label(text, Icons.of(icon));
        l.setWrapText(true);
        HBox b = new HBox(8, l);
        b.getChildren().addAll(extra);
        b.getStyleClass().addAll("banner", kind);
        b.setId(id);
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }
}
