package dev.aigcdesk.ui.status;

import dev.aigcdesk.ui.common.Desk;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Icons;
import dev.aigcdesk.ui.common.Words;
import dev.aigcdesk.ui.tasklist.TaskListViewModel;
import java.time.Instant;
import java.util.concurrent.Callable;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.feather.Feather;

/** The status bar: the last refresh (or a passing message), and counts of running, saving and all tasks. */
public final class StatusLine {

    private final StatusBar status = new StatusBar();
    private final PauseTransition toastTimer = new PauseTransition(Duration.seconds(5));
    /** Says the refresh's age again when its words would change: every second while it is counted in seconds. */
    private final PauseTransition ageTick = new PauseTransition();

    private final Desk desk;
    private final StatusViewModel vm;
    private final I18n i18n;
    private final Words words;

    private final TaskListViewModel list;

    public StatusLine(Desk desk, StatusViewModel vm, TaskListViewModel list, Words words) {
        this.list = list;
        this.desk = desk;
        this.vm = vm;
        this.words = words;
        this.i18n = words.i18n();
        status.getStyleClass().add("status-bar");
        status.setId("status-bar");
        Label running = label(
                "status-running",
                () -> i18n.get("status.running", vm.runningProperty().get()),
                vm.runningProperty());
        Label saving = new Label();
        saving.setId("status-saving");
        saving.textProperty()
                .bind(Bindings.createStringBinding(this::savingText, vm.savingProperty(), vm.savingNowProperty()));
        Label total = label(
                "status-total",
                () -> i18n.get("list.count", list.totalProperty().get()),
                list.totalProperty());
        Label looking = new Label();
        looking.setId("status-looking");
        looking.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            int[] l = vm.lookingProperty().get();
                            return l == null
                                    ? ""
                                    : i18n.get("status.looks", String.format("%,d", l[0]), String.format("%,d", l[1]));
                        },
                        vm.lookingProperty()));
        looking.visibleProperty().bind(vm.lookingProperty().isNotNull());
        looking.managedProperty().bind(looking.visibleProperty());
        HBox right = new HBox(12, looking, running, saving, total);
        desk.ledger().sharedAs().ifPresent(name -> {
            // On a team's library, the window says so, and as whom.
            Label team = new Label(i18n.get("status.team", name), Icons.of(Feather.USERS));
            team.setId("status-team");
            team.setTooltip(new Tooltip(desk.ledger().location()));
            right.getChildren().add(0, team);
        });
        right.setAlignment(Pos.CENTER_LEFT);
        status.getRightItems().setAll(right);
        vm.lastRefreshProperty().addListener((o, a, b) -> update());
        vm.refreshingProperty().addListener((o, a, b) -> update());
        vm.runningProperty().addListener((o, a, b) -> update());
        list.totalProperty().addListener((o, a, b) -> update());
        vm.problemProperty().addListener((o, a, b) -> {
            if (b != null) {
                toast(b);
            }
        });
        toastTimer.setOnFinished(e -> update());
        ageTick.setOnFinished(e -> update());
        update();
    }

    /** The window is going: nothing more to say. */
    public void stop() {
        ageTick.stop();
        toastTimer.stop();
    }

    public StatusBar node() {
        return status;
    }

    /** A message that stays a few seconds, then gives way to the refresh time again. */
    public void toast(String message) {
        status.setText(message);
        toastTimer.playFromStart();
    }

    public void update() {
        if (toastTimer.getStatus() == Animation.Status.RUNNING) {
            return;
        }
        if (!vm.refreshingProperty().get()) {
            status.setText(i18n.get("status.readOnly"));
            return;
        }
        var last = vm.lastRefreshProperty().get();
        if (last != null) {
            Instant now = desk.clock().instant();
            status.setText(i18n.get("status.lastRefresh", words.ago(last, now)));
            long age = java.time.Duration.between(last, now).toSeconds();
            ageTick.setDuration(Duration.seconds(age < 60 ? 1 : age < 3600 ? 60 - age % 60 : 60));
            ageTick.playFromStart();
        } else if (vm.runningProperty().get() > 0) {
            status.setText(i18n.get("status.refreshing"));
        } else {
            status.setText(i18n.get(list.totalProperty().get() == 0 ? "status.never" : "status.nothingRunning"));
        }
    }

    /** "Saving 2 files", and while one downloads how far it is: "· 45%" (or "· 12 MB" when its size is not known). */
    private String savingText() {
        SavingNow now = vm.savingNowProperty().get();
        int files = Math.max(vm.savingProperty().get(), now.files());
        String text = i18n.get("status.saving", files);
        if (now.files() == 0) {
            return text;
        }
        return text + " · "
                + (now.percent() >= 0
                        ? i18n.get("status.savingPercent", now.percent())
                        : i18n.get("status.savingMegabytes", now.megabytes()));
    }

    private static Label label(String id, Callable<String> text, Observable dep) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(Bindings.createStringBinding(text, dep));
        return l;
    }
}
