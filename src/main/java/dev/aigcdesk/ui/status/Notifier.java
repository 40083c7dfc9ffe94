package dev.aigcdesk.ui.status;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Icons;
import dev.aigcdesk.ui.common.OsDesktop;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * Tells what is worth an interruption (finished, failed, stopped, at risk, lost). In the window:
 * cards in the app's theme, stacked in the bottom-right corner (clear of the detail's header),
 * gone after a few seconds, a click selecting the task. When the window is not in front and the
 * desktop has notifications of its own, those are used.
 */
public final class Notifier {

    private static final int MAX_CARDS = 4;

    private final I18n i18n;
    private final VBox stack = new VBox(8);
    private final Consumer<TaskId> select;
    private final OsDesktop desktop;

    public Notifier(I18n i18n, Consumer<TaskId> select, OsDesktop desktop) {
        this.i18n = i18n;
        this.select = select;
        this.desktop = desktop;
        stack.setId("notifications");
        stack.setAlignment(Pos.BOTTOM_RIGHT);
        stack.setPickOnBounds(false);
        stack.setPadding(new Insets(0, 16, 16, 0));
        stack.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(stack, Pos.BOTTOM_RIGHT);
    }

    /** The layer the cards appear in, over the window's content. */
    public VBox layer() {
        return stack;
    }

    public void show(StatusViewModel.Notice n) {
        String what = n.task().task().promptHeadline().isEmpty()
                ? n.task().id().shortId()
                : n.task().task().promptHeadline();
        String kind = switch (n.kind()) {
            case FINISHED -> "finished";
            case FAILED -> n.task().task().state() == TaskState.ABORTED ? "stopped" : "failed";
            case AT_RISK -> "atRisk";
            default -> "lost";
        };
        String title = i18n.get("notify." + kind + ".title");
        String text = switch (kind) {
            case "atRisk", "lost" -> i18n.get("notify." + kind + ".text", what);
            default -> what + (n.detail() == null ? "" : "\n" + i18n.get("failure." + n.detail()));
        };
        boolean urgent = !kind.equals("finished");
        var window = stack.getScene() == null ? null : stack.getScene().getWindow();
        if (window != null && !window.isFocused() && desktop.notify(title, text, urgent)) {
            return;
        }
        card(kind, title, text, n.task().id());
    }

    private void card(String kind, String title, String text, TaskId id) {
        Feather icon = switch (kind) {
            case "finished" -> Feather.CHECK_CIRCLE;
            case "stopped" -> Feather.SLASH;
            case "atRisk" -> Feather.CLOCK;
            default -> Feather.ALERT_OCTAGON;
        };
        Label t = new Label(title);
        t.getStyleClass().add("notification-title");
        Label body = new Label(text);
        body.setWrapText(true);
        body.setMaxWidth(300);
        HBox card = new HBox(12, Icons.of(icon, 20), new VBox(2, t, body));
        card.getStyleClass().addAll("notification-card", kind);
        card.setId("notification-" + kind);
        card.setCursor(Cursor.HAND);
        card.setMaxWidth(360);
        card.setOnMouseClicked(e -> {
            select.accept(id);
            stack.getChildren().remove(card);
        });
        stack.getChildren().add(card);
        while (stack.getChildren().size() > MAX_CARDS) {
            stack.getChildren().remove(0);
        }
        PauseTransition life = new PauseTransition(Duration.seconds(kind.equals("finished") ? 6 : 12));
        life.setOnFinished(e -> stack.getChildren().remove(card));
        life.play();
    }
}
