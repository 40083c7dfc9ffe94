package dev.aigcdesk.ui.main;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.status.Banners;
import dev.aigcdesk.ui.status.StatusViewModel;
import dev.aigcdesk.ui.tasklist.TaskListView;
import dev.aigcdesk.ui.tasklist.TaskListViewModel;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;

/** Adding tasks (the dialog, pasted or dropped text) and taking them out again, with Undo. */
final class AddingAndRemoving {

    private final BorderPane root;
    private final TaskListViewModel listVm;
    private final TaskListView list;
    private final StatusViewModel mainVm;
    private final Banners banners;
    private final Consumer<String> toast;
    private final I18n i18n;
    private final Consumer<TaskId> select;

    AddingAndRemoving(
            BorderPane root,
            TaskListViewModel listVm,
            TaskListView list,
            StatusViewModel mainVm,
            Banners banners,
            Consumer<String> toast,
            I18n i18n,
            Consumer<TaskId> select) {
        this.root = root;
        this.listVm = listVm;
        this.list = list;
        this.mainVm = mainVm;
        this.banners = banners;
        this.toast = toast;
        this.i18n = i18n;
        this.select = select;
        listVm.lastRemovedProperty()
                .addListener((o, a, b) -> banners.undo(
                        b == null
                                ? null
                                : b.size() == 1 ? headline(b.get(0).record()) : i18n.get("remove.many", b.size()),
                        this::undoRemove));
    }

    void openDialog(String initial) {
        var known = new HashSet<TaskId>();
        for (int i = 0; i < Math.min(listVm.items().size(), 400); i++) {
            TaskRecord r = listVm.items().get(i);
            if (r != null) {
                known.add(r.id());
            }
        }
        new AddTasksDialog(root.getScene().getWindow(), i18n, known::contains, initial)
                .showAndWait()
                .ifPresent(this::addText);
    }

    /** Adds the ids in any text, selects the first new one, and says how it went. */
    void addText(String text) {
        listVm.addFromText(text, r -> {
            toast.accept(i18n.get("add.result", r.added(), r.present(), r.invalid()));
            if (!r.addedIds().isEmpty()) {
                select.accept(r.addedIds().get(0));
            }
            mainVm.updateCounts();
        });
    }

    /** Delete: takes the selected tasks out (their files stay), with Undo for 10 s. */
    void removeSelected() {
        List<TaskRecord> picked = list.selection();
        if (picked.isEmpty()) {
            return;
        }
        int index = list.list().getSelectionModel().getSelectedIndex();
        listVm.remove(picked.stream().map(TaskRecord::id).toList(), () -> {
            PauseTransition hide = new PauseTransition(Duration.seconds(10));
            var removed = listVm.lastRemovedProperty().get();
            hide.setOnFinished(e -> {
                if (listVm.lastRemovedProperty().get() == removed) {
                    banners.undo(null, null);
                }
            });
            hide.play();
            int next = Math.min(index, listVm.items().size() - 1);
            if (next >= 0) {
                list.selectIndex(next);
            }
            mainVm.updateCounts();
        });
    }

    void undoRemove() {
        TaskId back = listVm.undoRemove();
        if (back != null) {
            select.accept(back);
        }
    }

    private static String headline(TaskRecord r) {
        return r.task().promptHeadline().isEmpty() ? r.id().shortId() : r.task().promptHeadline();
    }
}
