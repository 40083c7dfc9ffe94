package dev.aigcdesk.ui.preview;

import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.PaletteStrip;
import dev.aigcdesk.ui.common.Words;
import java.util.function.BiConsumer;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The viewer's side panel: prompt, model, size and times of the output on screen. */
final class InfoPanel {

    private final VBox box = new VBox(8);
    private final Words words;
    private final BiConsumer<ViewerItem, Integer> rater;

    private final PaletteStrip.Actions colours;

    InfoPanel(Words words, BiConsumer<ViewerItem, Integer> rater, PaletteStrip.Actions colours) {
        this.colours = colours;
        this.words = words;
        this.rater = rater;
        box.getStyleClass().add("viewer-info");
        box.setId("viewer-info");
        box.setPrefWidth(280);
        box.setMinWidth(240);
    }

    VBox node() {
        return box;
    }

    void show(ViewerItem item) {
        I18n i18n = words.i18n();
        GenerationTask t = item.task().task();
        box.getChildren().clear();
        stars(item, item.task().curation().stars());
        if (!item.task().curation().tags().isEmpty()) {
            add(
                    i18n.get("sidebar.tags"),
                    String.join(" · ", item.task().curation().tags()),
                    "viewer-info-tags");
        }
        if (!item.file().palette().isEmpty()) {
            Label name = new Label(i18n.get("palette.title"));
            name.getStyleClass().add("field-name");
            box.getChildren().add(new VBox(4, name, new PaletteStrip(item.file().palette(), i18n, colours)));
        }
        add(i18n.get("detail.prompt"), t.prompt(), "viewer-info-prompt");
        add(i18n.get("detail.negative"), t.negativePrompt(), null);
        add(i18n.get("viewer.model"), t.modelLabel(), "viewer-info-model");
        var f = item.file().file();
        add(
                i18n.get("viewer.size"),
                f.width() != null && f.height() != null
                        ? f.width() + " × " + f.height()
                        : t.outputConfig().resolution(),
                null);
        add(i18n.get("detail.aspect"), t.outputConfig().aspectRatio(), null);
        add(
                i18n.get("detail.created"),
                t.times().created() == null ? null : words.dateTime(t.times().created()),
                null);
        add(
                i18n.get("detail.finished"),
                t.times().finished() == null ? null : words.dateTime(t.times().finished()),
                null);
        add(
                i18n.get("viewer.file"),
                item.file().localPath() == null
                        ? null
                        : item.file().localPath().getFileName().toString(),
                null);
    }

    /** Five stars: a click (or the keys 0–5 in the viewer) sets them, the same star again clears. */
    void stars(ViewerItem item, int stars) {
        HBox row = new HBox(2);
        row.setId("viewer-stars");
        for (int n = 1; n <= 5; n++) {
            int value = n;
            Label star = new Label(n <= stars ? "★" : "☆");
            star.getStyleClass().add("star");
            star.setOnMouseClicked(e -> rate(item, value == stars ? 0 : value));
            row.getChildren().add(star);
        }
        if (!box.getChildren().isEmpty()
                && "viewer-stars".equals(box.getChildren().get(0).getId())) {
            box.getChildren().set(0, row);
        } else {
            box.getChildren().add(0, row);
        }
    }

    void rate(ViewerItem item, int stars) {
        rater.accept(item, stars);
        stars(item, stars);
    }

    private void add(String name, String value, String id) {
        if (value == null || value.isBlank()) {
            return;
        }
        Label n = new Label(name);
        n.getStyleClass().add("field-name");
        Label v = new Label(value);
        v.setWrapText(true);
        if (id != null) {
            v.setId(id);
        }
        box.getChildren().add(new VBox(2, n, v));
    }
}
