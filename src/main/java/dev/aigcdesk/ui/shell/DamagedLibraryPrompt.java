package dev.aigcdesk.ui.shell;

import dev.aigcdesk.ui.common.I18n;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/** Tells the user their library is damaged and asks whether to rebuild it from what it saved. */
final class DamagedLibraryPrompt {

    private DamagedLibraryPrompt() {}

    /** True when the user chose to rebuild. */
    static boolean askRebuild(I18n i18n, String problem) {
        Alert alert = new Alert(Alert.AlertType.ERROR, problem);
        ButtonType rebuild = new ButtonType(i18n.get("library.damaged.rebuild"), ButtonBar.ButtonData.OK_DONE);
        ButtonType close = new ButtonType(i18n.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(rebuild, close);
        alert.setHeaderText(i18n.get("library.damaged.title"));
        return alert.showAndWait().orElse(close) == rebuild;
    }
}
