package dev.aigcdesk.ui.common;

import dev.aigcdesk.domain.Standing;
import dev.aigcdesk.domain.TaskState;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The app's icons, all from Feather, so they share one stroke and size. */
public final class Icons {

    private Icons() {}

    public static FontIcon of(Ikon ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("app-icon");
        return icon;
    }

    public static FontIcon of(Ikon ikon, int size) {
        FontIcon icon = of(ikon);
        icon.setIconSize(size);
        return icon;
    }

    public static Ikon forStanding(Standing s) {
        return switch (s) {
            case LOST -> Feather.X_CIRCLE;
            case NOT_FOUND -> Feather.HELP_CIRCLE;
            case OUT_OF_REACH -> Feather.CLOUD_OFF;
            default -> forState(TaskState.valueOf(s.name()));
        };
    }

    public static Ikon forState(TaskState s) {
        return switch (s) {
            case WAITING -> Feather.CLOCK;
            case RUNNING -> Feather.LOADER;
            case SUCCEEDED -> Feather.CHECK_CIRCLE;
            case FAILED -> Feather.ALERT_OCTAGON;
            case ABORTED -> Feather.SLASH;
            case UNKNOWN -> Feather.HELP_CIRCLE;
        };
    }
}
