package dev.aigcdesk.ui.main;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.util.Duration;

/**
 * Work that waits until the window's first page of rows is on screen: show first, then start (the sync,
 * the counts, the start-up probe). The rows may arrive before the window is in a scene (a page read
 * ahead), so it waits for the scene, then for a laid-out pulse; a window that is never shown goes on
 * after two seconds.
 */
final class FirstFrame {

    private final Node root;
    /** Null once the first page was drawn. */
    private List<Runnable> waiting = new ArrayList<>();

    FirstFrame(Node root) {
        this.root = root;
    }

    /** Runs {@code r} once the first page is on screen (at once, if it is already). */
    void then(Runnable r) {
        if (waiting == null) {
            r.run();
        } else {
            waiting.add(r);
        }
    }

    /** The first page's rows are in the list: what waits runs after the frame that draws them. */
    void rowsArrived() {
        afterNextFrame(() -> {
            List<Runnable> now = waiting;
            waiting = null;
            if (now != null) {
                now.forEach(Runnable::run);
            }
        });
    }

    private void afterNextFrame(Runnable r) {
        boolean[] done = {false};
        Runnable once = () -> {
            if (!done[0]) {
                done[0] = true;
                r.run();
            }
        };
        PauseTransition fallback = new PauseTransition(Duration.seconds(2));
        fallback.setOnFinished(e -> once.run());
        fallback.play();
        Runnable onScene = () -> {
            Scene scene = root.getScene();
            scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    Platform.runLater(once);
                }
            });
            Platform.requestNextPulse();
        };
        if (root.getScene() != null) {
            onScene.run();
        } else {
            root.sceneProperty().addListener(new InvalidationListener() {
                @Override
                public void invalidated(Observable o) {
                    if (root.getScene() != null) {
                        root.sceneProperty().removeListener(this);
                        onScene.run();
                    }
                }
            });
        }
    }
}
