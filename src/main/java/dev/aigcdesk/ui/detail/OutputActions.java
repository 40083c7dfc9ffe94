package dev.aigcdesk.ui.detail;

import dev.aigcdesk.domain.Palette;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.download.ArchiveNames;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.preview.Viewer;
import dev.aigcdesk.ui.preview.ViewerItem;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** What an output card's buttons do: save as, open, copy, reveal, view. */
final class OutputActions implements OutputCard.Actions, Viewer.Actions {

    private final TaskDetailViewModel vm;
    private final I18n i18n;
    private final Clock clock;
    private final Consumer<String> toast;
    private final Function<String, Path> chooser;
    private final ObjectProperty<Path> lastFolder;
    private final Supplier<Scene> scene;
    private final Consumer<ViewerItem> viewer;
    private final BiConsumer<TaskId, Integer> rater;

    private final Consumer<TaskRecord> again;
    private final IntConsumer findColour;

    OutputActions(
            TaskDetailViewModel vm,
            I18n i18n,
            Clock clock,
            Consumer<String> toast,
            Function<String, Path> chooser,
            ObjectProperty<Path> lastFolder,
            Supplier<Scene> scene,
            Consumer<ViewerItem> viewer,
            BiConsumer<TaskId, Integer> rater,
            Consumer<TaskRecord> again,
            IntConsumer findColour) {
        this.findColour = findColour;
        this.again = again;
        this.viewer = viewer;
        this.rater = rater;
        this.vm = vm;
        this.i18n = i18n;
        this.clock = clock;
        this.toast = toast;
        this.chooser = chooser;
        this.lastFolder = lastFolder;
        this.scene = scene;
    }

    @Override
    public void copyColour(Palette.Swatch s) {
        ClipboardContent c = new ClipboardContent();
        c.putString(s.hex());
        Clipboard.getSystemClipboard().setContent(c);
        toast.accept(i18n.get("palette.copied", s.hex()));
    }

    @Override
    public void findColour(Palette.Swatch s) {
        findColour.accept(s.rgb());
    }

    @Override
    public void download(FileRecord f) {
        TaskRecord r = vm.recordProperty().get();
        if (r != null) {
            download(r, f);
        }
    }

    @Override
    public void download(ViewerItem item) {
        download(item.task(), item.file());
    }

    @Override
    public void copyImage(ViewerItem item, Image image) {
        copyImage(item.file(), image);
    }

    @Override
    public void copyPrompt(ViewerItem item) {
        ClipboardContent c = new ClipboardContent();
        c.putString(
                item.task().task().prompt() == null ? "" : item.task().task().prompt());
        Clipboard.getSystemClipboard().setContent(c);
        toast.accept(i18n.get("detail.copied"));
    }

    @Override
    public void rate(ViewerItem item, int stars) {
        rater.accept(item.task().id(), stars);
    }

    @Override
    public void reveal(ViewerItem item) {
        reveal(item.file());
    }

    private void download(TaskRecord r, FileRecord f) {
        String suggested = f.localPath() != null
                ? f.localPath().getFileName().toString()
                : ArchiveNames.file(r.task(), f.index(), f.file().type(), r.addedAt(), clock.getZone());
        Path dest = chooser.apply(suggested);
        if (dest == null) {
            return;
        }
        lastFolder.set(dest.getParent());
        vm.saveAs(
                f,
                dest,
                p -> toast.accept(i18n.get("file.saved", p)),
                why -> toast.accept(i18n.get("file.saveFailed", why)));
    }

    @Override
    public void generateAgain(ViewerItem item) {
        again.accept(item.task());
    }

    @Override
    public void openInPlayer(ViewerItem item) {
        open(item.file());
    }

    @Override
    public void open(FileRecord f) {
        if (f.localPath() != null) {
            vm.open(f.localPath(), why -> toast.accept(why));
        }
    }

    @Override
    public void copyImage(FileRecord f, Image image) {
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
    public void view(FileRecord f) {
        TaskRecord r = vm.recordProperty().get();
        if (r != null) {
            viewer.accept(new ViewerItem(r, f));
        }
    }
}
