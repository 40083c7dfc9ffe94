package dev.aigcdesk.ui.main;

import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Icons;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** First run without a key: enter one, or try the demo. */
final class WelcomePane extends VBox {

    WelcomePane(I18n i18n, Runnable enterKey, Runnable tryDemo) {
        getStyleClass().add("welcome");
        setId("welcome");
        var icon = WelcomePane.class.getResource("/dev/aigcdesk/ui/icons/aigc-desk-128.png");
        if (icon != null) {
            ImageView logo = new ImageView(new Image(icon.toExternalForm(), 96, 96, true, true));
            getChildren().add(logo);
        }
        Label title = new Label(i18n.get("welcome.title"));
        title.getStyleClass().add("title");
        Label subtitle = new Label(i18n.get("welcome.subtitle"));
        subtitle.getStyleClass().add("subtitle");
        subtitle.setWrapText(true);
        Button key = new Button(i18n.get("welcome.key"), Icons.of(Feather.KEY));
        key.setId("welcome-key");
        key.getStyleClass().add("accent");
        key.setDefaultButton(true);
        key.setOnAction(e -> enterKey.run());
        Button demo = new Button(i18n.get("welcome.demo"), Icons.of(Feather.PLAY_CIRCLE));
        demo.setId("welcome-demo");
        demo.setOnAction(e -> tryDemo.run());
        Label note = new Label(i18n.get("welcome.note"));
        note.getStyleClass().add("note");
        getChildren().addAll(title, subtitle, key, demo, note);
    }
}
