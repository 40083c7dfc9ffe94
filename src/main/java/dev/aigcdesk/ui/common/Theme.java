package dev.aigcdesk.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.aigcdesk.config.Settings;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.text.Font;

/** The app's look: the AtlantaFX light or dark theme, the app's stylesheet, and a font that can draw Chinese. */
public final class Theme {

    private static final String APP_CSS = "/dev/aigcdesk/ui/app.css";
    private boolean dark;

    /** Applies the user's choice; {@code SYSTEM} follows the desktop where it says. */
    public void apply(Settings.Theme choice) {
        if (choice == Settings.Theme.SYSTEM) {
            String gtk = System.getenv("GTK_THEME");
            set(gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark"));
        } else {
            set(choice == Settings.Theme.DARK);
        }
    }

    public void toggle() {
        set(!dark);
    }

    public boolean dark() {
        return dark;
    }

    private void set(boolean on) {
        dark = on;
        Application.setUserAgentStylesheet(
                on ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    /** The app's stylesheet and font on a scene. */
    public static void style(Scene scene) {
        scene.getStylesheets().add(Theme.class.getResource(APP_CSS).toExternalForm());
        styleRoot(scene);
    }

    /** The font again, after the scene's root was replaced. */
    public static void styleRoot(Scene scene) {
        cjkCapableFont().ifPresent(family -> scene.getRoot().setStyle("-fx-font-family: \"" + family + "\";"));
    }

    /**
     * On Linux, JavaFX falls back to only the first few fonts fontconfig sorts for "sans" (all DejaVu
     * on most machines), so Chinese prompts would show as boxes; a CJK family with its own Latin
     * glyphs is used for the whole window instead, when one is installed.
     */
    private static Optional<String> cjkCapableFont() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        List<String> installed = Font.getFamilies();
        return Stream.of(
                        "Noto Sans CJK SC",
                        "Noto Sans SC",
                        "Source Han Sans SC",
                        "WenQuanYi Zen Hei",
                        "WenQuanYi Micro Hei",
                        "Droid Sans Fallback")
                .filter(installed::contains)
                .findFirst();
    }
}
