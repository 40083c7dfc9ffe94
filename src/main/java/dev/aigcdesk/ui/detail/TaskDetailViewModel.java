package dev.aigcdesk.ui.detail;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.download.SaveCopy;
import dev.aigcdesk.download.provenance.ImageHeader;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.ui.common.FilesHere;
import dev.aigcdesk.ui.common.OsDesktop;
import dev.aigcdesk.ui.common.UiExecutor;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The selected task. Loads carry a sequence number, so a late answer for task A never paints the
 * pane of task B after the user moved on.
 */
public final class TaskDetailViewModel {

    private final Library ledger;
    private final FilesHere filesHere;
    private final SaveCopy saveCopy;
    private final OsDesktop desktop;
    private final Function<Throwable, String> say;
    private final UiExecutor ui;
    private final ObjectProperty<TaskRecord> record = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty();
    private TaskId showing;
    private long sequence;
    /** The pixel sizes of the archived images on screen, read from their headers off the JavaFX thread. */
    private volatile Map<Integer, ImageHeader> pixels = Map.of();

    public TaskDetailViewModel(
            Library ledger, SaveCopy saveCopy, OsDesktop desktop, Function<Throwable, String> say, UiExecutor ui) {
        this(ledger, saveCopy, desktop, FilesHere.ALREADY, say, ui);
    }

    /** @param filesHere brings an opened task's files kept elsewhere (a team's store) to this desktop */
    public TaskDetailViewModel(
            Library ledger,
            SaveCopy saveCopy,
            OsDesktop desktop,
            FilesHere filesHere,
            Function<Throwable, String> say,
            UiExecutor ui) {
        this.filesHere = filesHere;
        this.ledger = ledger;
        this.saveCopy = saveCopy;
        this.desktop = desktop;
        this.say = say;
        this.ui = ui;
    }

    public ReadOnlyObjectProperty<TaskRecord> recordProperty() {
        return record;
    }

    /** A short note about the last action on this task (saved, failed to save...). */
    public StringProperty messageProperty() {
        return message;
    }

    public TaskId showing() {
        return showing;
    }

    public void show(TaskId id) {
        showing = id;
        long seq = ++sequence;
        message.set(null);
        if (id == null) {
            record.set(null);
            return;
        }
        ui.run(
                () -> {
                    TaskRecord r = ledger.find(id).orElse(null);
                    return new Loaded(r, r == null ? Map.of() : pixelsOf(r));
                },
                loaded -> {
                    if (seq == sequence) {
                        pixels = loaded.pixels();
                        record.set(loaded.record());
                        bringFiles(loaded.record(), seq);
                    }
                },
                e -> {
                    if (seq == sequence) {
                        message.set(say.apply(e));
                    }
                });
    }

    private record Loaded(TaskRecord record, Map<Integer, ImageHeader> pixels) {}

    /** An opened task's files kept only in the team's store come here; then it is shown again, with them. */
    private void bringFiles(TaskRecord r, long seq) {
        if (r == null || filesHere == FilesHere.ALREADY) {
            return;
        }
        ui.run(
                () -> filesHere.bring(r),
                (Boolean came) -> {
                    if (came && seq == sequence) {
                        refresh();
                    }
                },
                e -> {
                    if (seq == sequence) {
                        message.set(say.apply(e));
                    }
                });
    }

    private static Map<Integer, ImageHeader> pixelsOf(TaskRecord r) {
        Map<Integer, ImageHeader> out = new HashMap<>();
        for (FileRecord f : r.files()) {
            if (f.isArchived() && f.localPath() != null && f.file().isImage()) {
                ImageHeader.read(f.localPath()).ifPresent(h -> out.put(f.index(), h));
            } else if (f.file().width() != null && f.file().height() != null) {
                out.put(f.index(), new ImageHeader((int) (long) f.file().width(), (int)
                        (long) f.file().height()));
            }
        }
        return Map.copyOf(out);
    }

    /** An output's own pixel size, when known: previews are never drawn larger than that. */
    public Optional<ImageHeader> pixelSize(FileRecord f) {
        return Optional.ofNullable(pixels.get(f.index()));
    }

    /** The poller recorded something new: repaint only if it is the task on screen. */
    public void taskChanged(TaskRecord after) {
        if (after != null && after.id().equals(showing)) {
            sequence++;
            record.set(after);
        }
    }

    /** Re-reads the task on screen (after a file was archived, say). */
    public void refresh() {
        show(showing);
    }

    /** Saves a copy of one output where the user chose. */
    public void saveAs(FileRecord file, Path destination, Consumer<Path> saved, Consumer<String> failed) {
        TaskId id = showing;
        ui.run(
                () -> saveCopy.save(
                        file.isArchived() ? file.localPath() : null,
                        file.file().url(),
                        file.file().size(),
                        destination),
                p -> {
                    if (id != null && id.equals(showing)) {
                        message.set(null);
                    }
                    saved.accept(p);
                },
                e -> {
                    String why = say.apply(e);
                    if (id != null && id.equals(showing)) {
                        message.set(why);
                    }
                    failed.accept(why);
                });
    }

    public void open(Path file, Consumer<String> failed) {
        ui.run(
                () -> {
                    desktop.open(file.toUri().toString());
                    return file;
                },
                p -> {},
                e -> failed.accept(say.apply(e)));
    }

    public void reveal(Path file, Consumer<String> failed) {
        ui.run(
                () -> {
                    desktop.reveal(file);
                    return file;
                },
                p -> {},
                e -> failed.accept(say.apply(e)));
    }
}
