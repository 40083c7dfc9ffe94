package dev.aigcdesk.bench;

import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The baseline of the start-up benchmark: the simplest JavaFX window with a list and a label, shown
 * the way the app shows its own (Platform.startup from a plain main), timed the same way: JVM start to
 * the first frame with the rows drawn.
 */
public final class BareWindow {

    private BareWindow() {}

    public static void main(String[] args) {
        Platform.startup(() -> {
            ListView<String> list = new ListView<>(FXCollections.observableArrayList());
            for (int i = 0; i < 200; i++) {
                list.getItems().add("row " + i);
            }
            BorderPane root = new BorderPane(list, new Label("A bare JavaFX window"), null, null, null);
            Stage stage = new Stage();
            stage.setScene(new Scene(root, 1280, 800));
            stage.show();
            // The frame after the one that laid the rows out: they are on screen.
            stage.getScene().addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    stage.getScene().removePostLayoutPulseListener(this);
                    Platform.runLater(() -> {
                        long ms = System.currentTimeMillis()
                                - ManagementFactory.getRuntimeMXBean().getStartTime();
                        System.out.println("shown-after-ms=" + ms);
                        Platform.exit();
                    });
                }
            });
        });
    }
}
