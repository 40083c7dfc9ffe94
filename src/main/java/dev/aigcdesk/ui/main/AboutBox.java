package dev.aigcdesk.ui.main;

import dev.aigcdesk.config.AppInfo;
import dev.aigcdesk.ui.common.I18n;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Window;

/** The About box: the icon, the version, the licences, and where the library and the archive are. */
final class AboutBox {

    private AboutBox() {}

    static void show(Window owner, I18n i18n, String library, Path archive) {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.setTitle(i18n.get("about.title"));
        about.setHeaderText("AIGC Desk " + AppInfo.load().version());
        var icon = AboutBox.class.getResource("/dev/aigcdesk/ui/icons/aigc-desk-64.png");
        if (icon != null) {
            about.setGraphic(new ImageView(new Image(icon.toExternalForm())));
        }
        Label text = new Label(i18n.get("about.text2", library, archive.toAbsolutePath()));
        text.setWrapText(true);
        text.setId("about-text");
        about.getDialogPane().setContent(text);
        about.getDialogPane().setPrefWidth(560);
        about.initOwner(owner);
        about.show();
    }
}
