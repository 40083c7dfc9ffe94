package dev.aigcdesk.ui.generate;

import dev.aigcdesk.api.CreatedTask;
import dev.aigcdesk.domain.GenerationRequest;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.ui.common.I18n;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * "New generation" (Ctrl+G) and "Generate again" (G): the panel, the once-per-session question that
 * paid work will start, and then the new task at the top of the list, selected and followed live.
 * Dialogs are shown without blocking, so nothing waits in a nested event loop.
 */
public final class Generating {

    private final Node anchor;
    private final GenerateViewModel vm;
    private final I18n i18n;
    private final Consumer<TaskId> select;
    private final Runnable reload;
    private final Consumer<String> toast;
    private GenerateDialog open;

    public Generating(
            Node anchor,
            GenerateViewModel vm,
            I18n i18n,
            Consumer<TaskId> select,
            Runnable reload,
            Consumer<String> toast) {
        this.anchor = anchor;
        this.vm = vm;
        this.i18n = i18n;
        this.select = select;
        this.reload = reload;
        this.toast = toast;
    }

    /** Ctrl+G: a new generation, starting from the last choices. */
    public void newGeneration() {
        if (!ready()) {
            return;
        }
        vm.lastChoices(remembered -> panel(remembered.of(remembered.lastKind()), null, null));
    }

    /** G: the task's recorded parameters in the panel, to change or start as they are. */
    public void again(TaskRecord r) {
        withRecorded(r, recorded -> {
            String headline = r.task().promptHeadline().isEmpty()
                    ? r.id().shortId()
                    : r.task().promptHeadline();
            panel(recorded, r.id(), i18n.get("generate.again.from", headline));
        });
    }

    /** The task's recorded parameters started as they are: one click, then the paid-work question (if it is asked this session). */
    public void againAsItWas(TaskRecord r) {
        withRecorded(r, recorded -> confirmThenCreate(recorded, r.id()));
    }

    /** {@code r}'s recorded parameters, once read; a note instead when they are not known yet. */
    private void withRecorded(TaskRecord r, Consumer<GenerationRequest> then) {
        if (r == null || !ready()) {
            return;
        }
        vm.recorded(
                r.id(),
                recorded -> {
                    if (recorded.isEmpty()) {
                        toast.accept(i18n.get("generate.again.unknown"));
                    } else {
                        then.accept(recorded.get());
                    }
                },
                why -> toast.accept(i18n.get("generate.failed", why)));
    }

    /** The panel open now, if any (tests). */
    public GenerateDialog panel() {
        return open;
    }

    private boolean ready() {
        if (!vm.available()) {
            toast.accept(i18n.get("generate.unavailable"));
            return false;
        }
        if (vm.busyProperty().get()) {
            // One generation is on its way: a second press must not start (and bill) another before it answers.
            toast.accept(i18n.get("generate.sending"));
            return false;
        }
        if (open != null && open.isShowing()) {
            open.getDialogPane().getScene().getWindow().requestFocus();
            return false;
        }
        return true;
    }

    private void panel(GenerationRequest start, TaskId parent, String again) {
        open = new GenerateDialog(anchor.getScene().getWindow(), i18n, start, again);
        open.setOnHidden(e -> {
            GenerationRequest r = open.getResult();
            if (r != null) {
                confirmThenCreate(r, parent);
            }
        });
        open.show();
    }

    private void confirmThenCreate(GenerationRequest r, TaskId parent) {
        vm.needsConfirmation(ask -> {
            if (!ask) {
                create(r, parent);
                return;
            }
            ButtonType start = new ButtonType(i18n.get("generate.confirm.go"), ButtonBar.ButtonData.OK_DONE);
            ButtonType cancel = new ButtonType(i18n.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, null, start, cancel);
            a.setTitle(i18n.get("generate.confirm.title"));
            a.setHeaderText(i18n.get("generate.confirm.title"));
            CheckBox never = new CheckBox(i18n.get("generate.confirm.never"));
            never.setId("confirm-never");
            Label text = new Label(i18n.get("generate.confirm.text", r.modelName() + " " + r.modelVersion()));
            text.setWrapText(true);
            a.getDialogPane().setContent(new VBox(12, text, never));
            a.getDialogPane().setPrefWidth(480);
            ((Button) a.getDialogPane().lookupButton(start)).setId("confirm-generate");
            a.initOwner(anchor.getScene().getWindow());
            a.getDialogPane().getStylesheets().setAll(anchor.getScene().getStylesheets());
            a.getDialogPane().setStyle(anchor.getScene().getRoot().getStyle());
            a.setOnHidden(e -> {
                if (a.getResult() == start) {
                    vm.confirmed(never.isSelected());
                    create(r, parent);
                }
            });
            a.show();
        });
    }

    private void create(GenerationRequest r, TaskId parent) {
        toast.accept(i18n.get("generate.sending"));
        vm.create(
                r,
                parent,
                (CreatedTask created) -> {
                    reload.run();
                    select.accept(created.taskId());
                    toast.accept(i18n.get("generate.started", created.taskId().shortId()));
                },
                why -> {
                    Alert failed = new Alert(Alert.AlertType.ERROR, why);
                    failed.setTitle(i18n.get("generate.failed.title"));
                    failed.setHeaderText(i18n.get("generate.failed.title"));
                    failed.initOwner(anchor.getScene().getWindow());
                    failed.getDialogPane()
                            .getStylesheets()
                            .setAll(anchor.getScene().getStylesheets());
                    failed.getDialogPane().setStyle(anchor.getScene().getRoot().getStyle());
                    failed.show();
                });
    }
}
