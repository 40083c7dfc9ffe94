package dev.aigcdesk.ui.sidebar;

import dev.aigcdesk.ui.common.I18n;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/** The colour filter: twelve swatches a designer reaches for, and any other colour from a picker. */
final class ColourSwatches extends VBox {

    private record Swatch(String key, int rgb) {}

    private static final List<Swatch> SWATCHES = List.of(
            new Swatch("red", 0xE53935),
            new Swatch("orange", 0xFB8C00),
            new Swatch("yellow", 0xFDD835),
            new Swatch("green", 0x43A047),
            new Swatch("teal", 0x00897B),
            new Swatch("blue", 0x1E88E5),
            new Swatch("purple", 0x8E24AA),
            new Swatch("pink", 0xD81B60),
            new Swatch("brown", 0x6D4C41),
            new Swatch("black", 0x212121),
            new Swatch("grey", 0x9E9E9E),
            new Swatch("white", 0xFAFAFA));

    ColourSwatches(I18n i18n, IntConsumer pick) {
        super(8);
        FlowPane grid = new FlowPane(4, 4);
        grid.setId("colour-swatches");
        for (Swatch s : SWATCHES) {
            Region chip = new Region();
            chip.setPrefSize(20, 20);
            chip.setStyle(String.format(
                    Locale.ROOT,
                    "-fx-background-color: #%06X; -fx-background-radius: 4; -fx-border-color: -color-border-default;"
                            + " -fx-border-radius: 4;",
                    s.rgb()));
            Button b = new Button(null, chip);
            b.getStyleClass().addAll("flat", "colour-swatch");
            b.setId("colour-" + s.key());
            String name = i18n.get("colour." + s.key());
            b.setAccessibleText(i18n.get("sidebar.colour.find", name));
            b.setTooltip(new Tooltip(i18n.get("sidebar.colour.find", name)));
            b.setOnAction(e -> pick.accept(s.rgb()));
            grid.getChildren().add(b);
        }
        ColorPicker other = new ColorPicker(Color.web("#1E90FF"));
        other.setId("colour-other");
        other.getStyleClass().add(ColorPicker.STYLE_CLASS_BUTTON);
        other.setStyle("-fx-color-label-visible: false;");
        Label otherText = new Label(i18n.get("sidebar.colour.other"));
        otherText.setLabelFor(other);
        otherText.getStyleClass().add("note");
        HBox otherRow = new HBox(8, other, otherText);
        otherRow.setAlignment(Pos.CENTER_LEFT);
        otherRow.setPadding(new Insets(0, 4, 0, 4));
        other.setAccessibleText(i18n.get("sidebar.colour.other"));
        other.setTooltip(new Tooltip(i18n.get("sidebar.colour.other")));
        other.setOnAction(e -> {
            Color c = other.getValue();
            pick.accept((int) Math.round(c.getRed() * 255) << 16
                    | (int) Math.round(c.getGreen() * 255) << 8
                    | (int) Math.round(c.getBlue() * 255));
        });
        getChildren().addAll(grid, otherRow);
    }
}
