package dev.aigcdesk.ui.common;

import dev.aigcdesk.domain.Palette;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A picture's dominant colours as a strip of swatches, each as wide as its share of the picture. A click
 * (or Enter) copies the colour's hex code; a double-click (or F) finds the pictures in that colour; both
 * are in its context menu too.
 */
public final class PaletteStrip extends HBox {

    private static final double WIDTH = 224;

    /** What a swatch does: a click copies its hex code, a double-click finds the pictures in its colour. */
    public interface Actions {
        default void copyColour(Palette.Swatch s) {}

        default void findColour(Palette.Swatch s) {}
    }

    public PaletteStrip(Palette palette, I18n i18n, Actions actions) {
        super(2);
        getStyleClass().add("palette-strip");
        setId("palette");
        for (Palette.Swatch s : palette.swatches()) {
            add(s, i18n, actions::copyColour, actions::findColour);
        }
    }

    private void add(Palette.Swatch s, I18n i18n, Consumer<Palette.Swatch> copy, Consumer<Palette.Swatch> find) {
        Region chip = new Region();
        chip.setStyle("-fx-background-color: " + s.hex()
                + "; -fx-background-radius: 4; -fx-border-color: -color-border-muted; -fx-border-radius: 4;");
        chip.setPrefSize(Math.max(16, Math.round(WIDTH * s.share() / 4) * 4), 20);
        chip.setMinHeight(20);
        Button b = new Button(null, chip);
        b.getStyleClass().addAll("flat", "palette-swatch");
        b.setId("swatch-" + s.hex().substring(1).toLowerCase(Locale.ROOT));
        String percent = Math.round(s.share() * 100) + "%";
        b.setAccessibleText(i18n.get("palette.swatch", s.hex(), percent));
        b.setTooltip(new Tooltip(i18n.get("palette.tip", s.hex(), percent)));
        b.setOnAction(e -> copy.accept(s));
        b.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                find.accept(s);
            }
        });
        b.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F) {
                find.accept(s);
                e.consume();
            }
        });
        MenuItem copyItem = new MenuItem(i18n.get("palette.copy", s.hex()));
        copyItem.setOnAction(e -> copy.accept(s));
        MenuItem findItem = new MenuItem(i18n.get("palette.find"));
        findItem.setOnAction(e -> find.accept(s));
        b.setContextMenu(new ContextMenu(copyItem, findItem));
        getChildren().add(b);
    }
}
