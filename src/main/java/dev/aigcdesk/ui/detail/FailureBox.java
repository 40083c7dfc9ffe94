package dev.aigcdesk.ui.detail;

import dev.aigcdesk.domain.FailureReason;
import dev.aigcdesk.domain.TaskFailure;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Icons;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Why a task failed or was stopped, in words, what to do about it, and the service's own code and message. */
final class FailureBox {

    private FailureBox() {}

    static Node of(TaskFailure f, I18n i18n) {
        // Stopped is not a failure of the designer's prompt or the service: it is headed as what it is.
        boolean stopped = f.reason() == FailureReason.ABORTED;
        Label title = new Label(
                i18n.get(stopped ? "detail.stopped.title" : "detail.failed.title"),
                Icons.of(stopped ? Feather.SLASH : Feather.ALERT_OCTAGON));
        title.setId("failure-title");
        title.getStyleClass().add("title");
        Label plain = new Label(i18n.get("failure." + f.reason().key()));
        plain.setId("failure-message");
        plain.setWrapText(true);
        Label advice = new Label(i18n.get("advice." + f.reason().key()));
        advice.setId("failure-advice");
        advice.setWrapText(true);
        String raw = (f.code() != 0 ? String.valueOf(f.code()) : "")
                + (f.extCode().isEmpty() ? "" : (f.code() != 0 ? " · " : "") + f.extCode());
        // A stopped task's plain line would only say again what its title says.
        VBox box = stopped ? new VBox(4, title, advice) : new VBox(4, title, plain, advice);
        if (!raw.isBlank() || !f.message().isBlank()) {
            Label codes = new Label((raw.isBlank() ? "" : raw + "\n") + f.message());
            codes.setWrapText(true);
            codes.getStyleClass().add("mono");
            box.getChildren().add(codes);
        }
        box.getStyleClass().add("error-box");
        if (stopped) {
            box.getStyleClass().add("stopped");
        }
        box.setId("error-box");
        return box;
    }
}
