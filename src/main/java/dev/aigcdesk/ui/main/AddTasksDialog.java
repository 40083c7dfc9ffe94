package dev.aigcdesk.ui.main;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskIdScan;
import dev.aigcdesk.ui.common.I18n;
import java.util.function.Predicate;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** A text box for anything with task ids in it; counts what it found as you paste. */
final class AddTasksDialog extends Dialog<String> {

    private static final KeyCombination ADD_KEY = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    AddTasksDialog(Window owner, I18n i18n, Predicate<TaskId> known, String initial) {
        initOwner(owner);
        setTitle(i18n.get("add.title"));
        setHeaderText(i18n.get("add.header"));
        TextArea text = new TextArea(initial == null ? "" : initial);
        text.setId("add-text");
        text.setPrefRowCount(10);
        text.setPrefColumnCount(60);
        text.setWrapText(true);
        text.setAccessibleText(i18n.get("add.header"));
        Label found = new Label();
        found.setId("add-found");
        ButtonType add = new ButtonType(i18n.get("add.button"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(add, ButtonType.CANCEL);
        Runnable count = () -> {
            TaskIdScan scan = TaskIdScan.of(text.getText());
            long present = scan.ids().stream().filter(known).count();
            found.setText(i18n.get(
                    "add.found",
                    scan.ids().size(),
                    scan.ids().size() - present,
                    present,
                    scan.invalid().size()));
            getDialogPane().lookupButton(add).setDisable(scan.ids().isEmpty());
        };
        text.textProperty().addListener((o, a, b) -> count.run());
        // Enter is a new line in the box; Ctrl+Enter adds, as in chat apps (the text area would otherwise take it).
        text.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (ADD_KEY.match(e)) {
                e.consume();
                Button button = (Button) getDialogPane().lookupButton(add);
                if (!button.isDisabled()) {
                    button.fire();
                }
            }
        });
        count.run();
        ((Button) getDialogPane().lookupButton(add)).setTooltip(new Tooltip(ADD_KEY.getDisplayText()));
        VBox box = new VBox(8, text, found);
        box.setPadding(new Insets(8, 0, 0, 0));
        getDialogPane().setContent(box);
        setResultConverter(b -> b == add ? text.getText() : null);
        setOnShown(e -> text.requestFocus());
    }
}
