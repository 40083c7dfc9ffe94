package dev.aigcdesk.ui.main;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.ui.common.I18n;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pops up what is worth an interruption (finished, failed, at risk, lost); a click selects the task. */
final class Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final I18n i18n;
    private final Node anchor;
    private final Consumer<TaskId> select;
    private final Consumer<String> fallback;

    Notifier(I18n i18n, Node anchor, Consumer<TaskId> select, Consumer<String> fallback) {
        this.i18n = i18n;
        this.anchor = anchor;
        this.select = select;
        this.fallback = fallback;
    }

    void show(MainViewModel.Notice n) {
        String what = n.task().task().promptHeadline().isEmpty() ? n.task().id().shortId() : n.task().task().promptHeadline();
        String title;
        String text;
        switch (n.kind()) {
            case FINISHED -> {
                title = i18n.get("notify.finished.title");
                text = what;
            }
            case FAILED -> {
                title = i18n.get("notify.failed.title");
                text = what + (n.detail() == null ? "" : "\n" + n.detail());
            }
            case AT_RISK -> {
                title = i18n.get("notify.atRisk.title");
                text = i18n.get("notify.atRisk.text", what);
            }
            default -> {
                title = i18n.get("notify.lost.title");
                text = i18n.get("notify.lost.text", what);
            }
        }
        try {
            Scene scene = anchor.getScene();
            Notifications note = Notifications.create().title(title).text(text).hideAfter(Duration.seconds(6)).onAction(e -> select.accept(n.task().id()));
            if (scene != null && scene.getWindow() != null && scene.getWindow().isShowing()) {
                note.owner(scene.getWindow());
            }
            if (n.kind() == MainViewModel.Notice.Kind.FINISHED) {
                note.showInformation();
            } else {
                note.showWarning();
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not show a notification; it goes to the status bar instead", e);
            fallback.accept(title + ": " + text);
        }
    }
}
