package dev.aigcdesk.ui.detail;

import dev.aigcdesk.download.ArchiveNames;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.preview.ImageViewer;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** What an output card's buttons do: save as, open, copy, reveal, view. */
final class OutputActions implements OutputCard.Actions {

    private final TaskDetailViewModel vm;
    private final I18n i18n;
    private final Clock clock;
    private final Consumer<String> toast;
    private final Function<String, Path> chooser;
    private final ObjectProperty<Path> lastFolder;
    private final Supplier<Scene> scene;

    OutputActions(TaskDetailViewModel vm, I18n i18n, Clock clock, Consumer<String> toast, Function<String, Path> chooser, ObjectProperty<Path> lastFolder,
                  Supplier<Scene> scene) {
        this.vm = vm;
        this.i18n = i18n;
        this.clock = clock;
        this.toast = toast;
        this.chooser = chooser;
        this.lastFolder = lastFolder;
        this.scene = scene;
    }

    @Override
    public void download(FileRecord f) {
        TaskRecord r = vm.recordProperty().get();
        if (r == null) {
            return;
        }
        String suggested = f.localPath() != null ? f.localPath().getFileName().toString()
                : ArchiveNames.file(r.task(), f.index(), f.file().type(), r.addedAt(), clock.getZone());
        Path dest = chooser.apply(suggested);
        if (dest == null) {
            return;
        }
        lastFolder.set(dest.getParent());
        vm.saveAs(f, dest, p -> toast.accept(i18n.get("file.saved", p)), why -> toast.accept(i18n.get("file.saveFailed", why)));
    }

    @Override
    public void open(FileRecord f) {
        if (f.localPath() != null) {
            vm.open(f.localPath(), why -> toast.accept(why));
        }
    }

    @Override
    public void copyImage(FileRecord f, javafx.scene.image.Image image) {
        ClipboardContent c = new ClipboardContent();
        if (image != null) {
            c.putImage(image);
        }
        if (f.localPath() != null) {
            c.putFiles(List.of(new File(f.localPath().toString())));
        }
        Clipboard.getSystemClipboard().setContent(c);
        toast.accept(i18n.get("detail.copied"));
    }

    @Override
    public void copyUrl(FileRecord f) {
        ClipboardContent c = new ClipboardContent();
        c.putString(f.file().url());
        Clipboard.getSystemClipboard().setContent(c);
        toast.accept(i18n.get("detail.copied"));
    }

    @Override
    public void reveal(FileRecord f) {
        if (f.localPath() != null) {
            vm.reveal(f.localPath(), why -> toast.accept(why));
        }
    }

    @Override
    public void view(FileRecord f, javafx.scene.image.Image preview) {
        String url = f.bestSource();
        javafx.scene.image.Image full = new javafx.scene.image.Image(url, true);
        new ImageViewer(scene.get().getWindow(), full, f.taskId().shortId() + " · " + f.index(), i18n, scene.get().getStylesheets()).show();
    }
}
