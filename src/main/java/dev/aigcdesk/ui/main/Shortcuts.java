package dev.aigcdesk.ui.main;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/** Every window action's key: installed on the scene once the window has one, and on the task list. */
final class Shortcuts {

    /** What the keys do. */
    record Keys(
            Runnable add,
            Runnable generate,
            Runnable refresh,
            Runnable find,
            Runnable clearSearch,
            Runnable save,
            Runnable undo,
            Runnable settings,
            Runnable view,
            Runnable quickLook,
            Runnable remove,
            Consumer<String> paste,
            Runnable toggleDetail,
            Runnable toggleSidebar) {}

    private Shortcuts() {}

    static void install(Node root, Node search, ListView<?> list, Keys k) {
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                onScene(scene, search, k);
            }
        });
        list.setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN).match(e)) {
                String text = Clipboard.getSystemClipboard().getString();
                if (text != null) {
                    k.paste().accept(text);
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                k.view().run();
                e.consume();
            } else if (e.getCode() == KeyCode.SPACE) {
                k.quickLook().run();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                k.remove().run();
                e.consume();
            }
        });
    }

    private static void onScene(Scene scene, Node search, Keys k) {
        // Escape in the search box clears it; caught at the scene, because the text field's behaviour consumes it.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && search.isFocused()) {
                k.clearSearch().run();
                e.consume();
            }
        });
        var acc = scene.getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), k.add());
        acc.put(new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN), k.generate());
        acc.put(new KeyCodeCombination(KeyCode.F5), k.refresh());
        acc.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), k.refresh());
        acc.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), k.find());
        acc.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), k.save());
        acc.put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), k.undo());
        acc.put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), k.settings());
        acc.put(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN), k.toggleDetail());
        acc.put(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN), k.toggleSidebar());
    }
}
