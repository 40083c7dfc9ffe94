package dev.aigcdesk.ui.tasklist;

import dev.aigcdesk.ui.common.Words;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** What the list shows when it has no rows. */
final class EmptyList {

    private EmptyList() {}

    /** The truth about an empty list: nothing added yet, or filters that hide everything (with the way out). */
    static VBox of(TaskListViewModel vm, Words words) {
        Label title = new Label();
        title.getStyleClass().add("title");
        title.setId("empty-title");
        Label text = new Label();
        text.setWrapText(true);
        Button clear = new Button(words.i18n().get("list.clearFilters"));
        clear.setId("clear-filters");
        clear.setOnAction(e -> vm.clearFilters());
        VBox box = new VBox(8, title, text, clear);
        box.getStyleClass().add("empty-state");
        box.setAlignment(Pos.CENTER);
        Runnable update = () -> {
            boolean filtered = vm.filtered();
            title.setText(words.i18n().get(filtered ? "list.noMatch" : "list.empty.title"));
            text.setText(words.i18n().get(filtered ? "list.noMatch.text" : "list.empty.text"));
            clear.setVisible(filtered);
            clear.setManaged(filtered);
        };
        vm.filters().filterProperty().addListener((o, a, b) -> update.run());
        update.run();
        return box;
    }
}
