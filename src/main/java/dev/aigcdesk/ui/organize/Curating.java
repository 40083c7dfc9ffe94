package dev.aigcdesk.ui.organize;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.sidebar.SidebarViewModel;
import dev.aigcdesk.ui.tasklist.TaskListView;
import java.io.File;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.DirectoryChooser;

/** What a designer does to the selection: stars (keys 0–5), a tag (T), a collection, the prompts copied; from keys and the context menu. */
public final class Curating {

    private final TaskListView list;
    private final SidebarViewModel vm;
    private final I18n i18n;
    private final Consumer<String> toast;
    private final Runnable again;
    private final Runnable againAsItWas;
    private final Runnable remove;
    private final Runnable moreLikeThis;

    /**
     * @param again      "Generate again…" on the task picked last (key G and the context menu): the panel
     * @param againAsItWas "Generate again as it was": the same parameters, started at once (after the paid-work question)
     * @param moreLikeThis "More like this" on the task picked last (key L and the context menu)
     */
    public Curating(
            TaskListView list,
            SidebarViewModel vm,
            I18n i18n,
            Consumer<String> toast,
            Runnable remove,
            Runnable again,
            Runnable againAsItWas,
            Runnable moreLikeThis) {
        this.moreLikeThis = moreLikeThis;
        this.again = again;
        this.againAsItWas = againAsItWas;
        this.list = list;
        this.vm = vm;
        this.i18n = i18n;
        this.toast = toast;
        this.remove = remove;
        list.list().addEventHandler(KeyEvent.KEY_PRESSED, this::keys);
        list.grid().addEventHandler(KeyEvent.KEY_PRESSED, this::keys);
        list.list().setContextMenu(menu());
        list.grid().setContextMenu(menu());
    }

    private void keys(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        KeyCode k = e.getCode();
        if (k.isDigitKey() && k.getChar().charAt(0) <= '5') {
            rate(k.getChar().charAt(0) - '0');
            e.consume();
        } else if (k == KeyCode.T) {
            tag();
            e.consume();
        } else if (k == KeyCode.G) {
            (e.isShiftDown() ? againAsItWas : again).run();
            e.consume();
        } else if (k == KeyCode.L) {
            moreLikeThis.run();
            e.consume();
        }
    }

    private List<TaskId> ids() {
        return list.selection().stream().map(TaskRecord::id).toList();
    }

    public void rate(int stars) {
        List<TaskId> ids = ids();
        if (!ids.isEmpty()) {
            vm.rate(ids, stars);
            toast.accept(i18n.get("curate.rated", ids.size(), stars));
        }
    }

    public void tag() {
        List<TaskId> ids = ids();
        if (ids.isEmpty()) {
            return;
        }
        ask(i18n.get("tag.title"), i18n.get("tag.prompt")).ifPresent(tag -> vm.tag(ids, tag));
    }

    public void addToCollection() {
        List<TaskId> ids = ids();
        if (ids.isEmpty()) {
            return;
        }
        ask(i18n.get("collection.title"), i18n.get("collection.prompt"))
                .ifPresent(name -> vm.addToCollection(name, ids));
    }

    public void copyPrompts() {
        String text = String.join(
                "\n\n",
                list.selection().stream()
                        .map(r -> r.task().prompt())
                        .filter(p -> p != null && !p.isBlank())
                        .toList());
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
        toast.accept(i18n.get("detail.copied"));
    }

    public void exportFiles() {
        List<TaskRecord> picked = list.selection();
        if (picked.isEmpty() || list.getScene() == null) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(i18n.get("menu.exportFiles"));
        File dir = chooser.showDialog(list.getScene().getWindow());
        if (dir != null) {
            vm.exportFiles(
                    picked,
                    dir.toPath(),
                    counts -> toast.accept(i18n.get("menu.exportFiles.done", counts, dir.getPath())));
        }
    }

    private Optional<String> ask(String title, String prompt) {
        TextInputDialog d = new TextInputDialog();
        d.setTitle(title);
        d.setHeaderText(null);
        d.setContentText(prompt);
        if (list.getScene() != null) {
            d.initOwner(list.getScene().getWindow());
            d.getDialogPane().getStylesheets().setAll(list.getScene().getStylesheets());
        }
        return d.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    private ContextMenu menu() {
        Menu stars = new Menu(i18n.get("menu.star"));
        for (int n = 0; n <= 5; n++) {
            int value = n;
            MenuItem item = new MenuItem(n == 0 ? "☆ 0" : "★".repeat(n) + "  " + n);
            item.setOnAction(e -> rate(value));
            stars.getItems().add(item);
        }
        MenuItem tag = new MenuItem(i18n.get("menu.tag"));
        tag.setOnAction(e -> tag());
        MenuItem collection = new MenuItem(i18n.get("menu.collection"));
        collection.setOnAction(e -> addToCollection());
        MenuItem prompts = new MenuItem(i18n.get("menu.copyPrompts"));
        prompts.setOnAction(e -> copyPrompts());
        MenuItem export = new MenuItem(i18n.get("menu.exportFiles"));
        export.setOnAction(e -> exportFiles());
        MenuItem archive = new MenuItem(i18n.get("menu.archiveNow"));
        archive.setOnAction(e -> {
            vm.archiveNow();
            toast.accept(i18n.get("menu.archiveNow.done"));
        });
        MenuItem like = new MenuItem(i18n.get("menu.moreLikeThis"));
        like.setId("menu-more-like-this");
        like.setOnAction(e -> moreLikeThis.run());
        MenuItem removeItem = new MenuItem(i18n.get("menu.remove"));
        removeItem.setOnAction(e -> remove.run());
        MenuItem againItem = new MenuItem(i18n.get("menu.generateAgain"));
        againItem.setOnAction(e -> again.run());
        againItem.setId("menu-generate-again");
        MenuItem asItWas = new MenuItem(i18n.get("menu.generateAgainAsItWas"));
        asItWas.setOnAction(e -> againAsItWas.run());
        asItWas.setId("menu-generate-again-as-it-was");
        return new ContextMenu(
                againItem,
                asItWas,
                like,
                new SeparatorMenuItem(),
                stars,
                tag,
                collection,
                prompts,
                export,
                archive,
                removeItem);
    }
}
