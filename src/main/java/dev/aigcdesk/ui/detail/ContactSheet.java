package dev.aigcdesk.ui.detail;

import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.ui.common.Icons;
import dev.aigcdesk.ui.common.Words;
import dev.aigcdesk.ui.preview.Thumbnails;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** A task's several outputs side by side (2×2 for four), each a click away from the viewer. */
final class ContactSheet {

    private static final double GAP = 8;
    private static final double MAX_TILE = 320;

    private final GridPane grid = new GridPane();
    private final VBox box = new VBox(8);
    private final List<Image> images = new ArrayList<>();

    ContactSheet(
            TaskRecord r,
            double width,
            Thumbnails thumbnails,
            Words words,
            Consumer<FileRecord> view,
            Consumer<List<FileRecord>> compare) {
        int columns = r.files().size() <= 4 ? 2 : 3;
        double tile = Math.min(MAX_TILE, Math.floor((width - GAP * (columns - 1)) / columns));
        grid.setHgap(GAP);
        grid.setVgap(GAP);
        grid.setId("contact-sheet");
        grid.getStyleClass().add("contact-sheet");
        int i = 0;
        for (FileRecord f : r.files()) {
            StackPane cell = new StackPane();
            cell.getStyleClass().add("sheet-tile");
            cell.setMinSize(tile, tile);
            cell.setMaxSize(tile, tile);
            cell.setId("sheet-tile-" + f.index());
            var img = f.state() == ArchiveState.EXPIRED ? Optional.<Image>empty() : thumbnails.of(f, tile);
            if (img.isPresent()) {
                ImageView v = new ImageView(img.get());
                v.setPreserveRatio(true);
                v.setFitWidth(tile);
                v.setFitHeight(tile);
                images.add(img.get());
                cell.getChildren().add(v);
            } else {
                Feather icon = f.state() == ArchiveState.EXPIRED
                        ? Feather.X_CIRCLE
                        : f.file().isVideo() ? Feather.FILM : Feather.IMAGE;
                cell.getChildren().add(Icons.of(icon, 32));
            }
            Label n = new Label(Integer.toString(f.index()));
            n.getStyleClass().add("sheet-index");
            StackPane.setAlignment(n, Pos.TOP_LEFT);
            cell.getChildren().add(n);
            cell.setCursor(Cursor.HAND);
            cell.setOnMouseClicked(e -> view.accept(f));
            Tooltip.install(cell, new Tooltip(words.i18n().get("sheet.open", f.index())));
            grid.add(cell, i % columns, i / columns);
            i++;
        }
        box.getChildren().add(grid);
        List<FileRecord> comparable = r.files().stream()
                .filter(f -> f.file().isImage() && f.state() != ArchiveState.EXPIRED)
                .limit(4)
                .toList();
        if (comparable.size() >= 2) {
            Button button = new Button(words.i18n().get("sheet.compare"), Icons.of(Feather.COLUMNS));
            button.setId("compare-button");
            button.setOnAction(e -> compare.accept(comparable));
            box.getChildren().add(button);
        }
    }

    Node node() {
        return box;
    }

    List<Image> images() {
        return images;
    }
}
