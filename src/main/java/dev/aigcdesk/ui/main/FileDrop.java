package dev.aigcdesk.ui.main;

import dev.aigcdesk.ui.common.OsDesktop;
import dev.aigcdesk.ui.common.UiExecutor;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.input.TransferMode;

/** Text or text files dropped anywhere on the window: their task ids are added (files are read in the background). */
final class FileDrop {

    private FileDrop() {}

    static void install(
            Node target, UiExecutor ui, OsDesktop desktop, Consumer<String> addText, Consumer<Throwable> failed) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() || e.getDragboard().hasString()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            var db = e.getDragboard();
            if (db.hasFiles()) {
                List<Path> files = db.getFiles().stream().map(File::toPath).toList();
                ui.run(() -> desktop.readDropped(files), addText, failed);
            } else if (db.hasString()) {
                addText.accept(db.getString());
            }
            e.setDropCompleted(true);
            e.consume();
        });
    }
}
