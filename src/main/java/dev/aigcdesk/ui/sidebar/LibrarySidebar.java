package dev.aigcdesk.ui.sidebar;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.Curator;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryFilter;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Icons;
import dev.aigcdesk.ui.tasklist.LookSearch;
import dev.aigcdesk.ui.tasklist.StateFilter;
import dev.aigcdesk.ui.tasklist.TaskListView;
import dev.aigcdesk.ui.tasklist.TaskListViewModel;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The library's shelves, left of the list: All, Starred, the views that keep files safe, the
 * collections (a selection dragged onto one goes in), and the tags with their counts.
 */
public final class LibrarySidebar {

    private final VBox box = new VBox(2);
    private final VBox outer = new VBox(8);
    private final ScrollPane scroll = new ScrollPane(outer);
    private final SidebarViewModel vm;
    private final TaskListViewModel list;
    private final LookSearch looks;
    private final I18n i18n;

    public LibrarySidebar(SidebarViewModel vm, TaskListViewModel list, LookSearch looks, I18n i18n) {
        this.vm = vm;
        this.list = list;
        this.looks = looks;
        this.i18n = i18n;
        box.setId("sidebar");
        outer.getStyleClass().add("sidebar");
        outer.getChildren()
                .addAll(
                        box,
                        header(i18n.get("sidebar.look")),
                        entry(
                                "sidebar-duplicates",
                                Feather.COPY,
                                i18n.get("sidebar.duplicates"),
                                null,
                                () -> looks.duplicates(i18n.get("sidebar.duplicates"))),
                        new ColourSwatches(
                                i18n, rgb -> looks.colour(rgb, i18n.get("sidebar.colour.showing", hex(rgb)))),
                        header(i18n.get("sidebar.filters")),
                        choice(
                                "filter-model",
                                i18n.get("sidebar.filter.model"),
                                Library.Facet.MODEL,
                                vm.modelProperty()),
                        choice(
                                "filter-aspect",
                                i18n.get("sidebar.filter.aspect"),
                                Library.Facet.ASPECT_RATIO,
                                vm.aspectProperty()),
                        choice(
                                "filter-resolution",
                                i18n.get("sidebar.filter.resolution"),
                                Library.Facet.RESOLUTION,
                                vm.resolutionProperty()));
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(200);
        scroll.setMinWidth(160);
        scroll.getStyleClass().add("sidebar-scroll");
        vm.facetsProperty().addListener((o, a, b) -> render());
        list.countsProperty().addListener((o, a, b) -> render());
        list.filters().filterProperty().addListener((o, a, b) -> render());
        looks.extraCopiesProperty().addListener((o, a, b) -> render());
        render();
    }

    public ScrollPane node() {
        return scroll;
    }

    private void render() {
        box.getChildren().clear();
        if (list.filters().filterProperty().get().family() != null) {
            // "Tries: N" in the detail shows one family; this says so and leads back to everything.
            Button family = entry(
                    "sidebar-family",
                    Feather.X,
                    i18n.get("sidebar.family"),
                    null,
                    () -> list.filters().showFamily(null));
            family.getStyleClass().add("sidebar-active");
            box.getChildren().add(family);
        }
        LibraryFilter.Ranking ranking = list.filters().filterProperty().get().ranking();
        if (ranking != null) {
            // What finding by look found: says so, and leads back to everything.
            Button found = entry(
                    "sidebar-ranking",
                    Feather.X,
                    ranking.label(),
                    ranking.ids().size(),
                    () -> list.filters().showRanking(null));
            found.getStyleClass().add("sidebar-active");
            found.setTooltip(new Tooltip(ranking.label()));
            box.getChildren().add(found);
            if (looks.extraCopiesProperty().get() > 0) {
                Button remove = new Button(
                        i18n.get(
                                "sidebar.duplicates.remove",
                                looks.extraCopiesProperty().get()),
                        Icons.of(Feather.TRASH_2));
                remove.setId("sidebar-remove-extra");
                remove.setMaxWidth(Double.MAX_VALUE);
                remove.setWrapText(true);
                remove.setTooltip(new Tooltip(i18n.get("sidebar.duplicates.removeTip")));
                remove.setOnAction(e -> looks.removeExtraCopies(i18n.get("sidebar.duplicates"), () -> {}));
                box.getChildren().add(remove);
            }
        }
        box.getChildren().add(entry("sidebar-all", Feather.LAYERS, i18n.get("sidebar.all"), null, vm::showAll));
        box.getChildren()
                .add(entry(
                        "sidebar-starred",
                        Feather.STAR,
                        i18n.get("sidebar.starred"),
                        vm.facetsProperty().get().starred(),
                        vm::showStarred));
        box.getChildren().add(header(i18n.get("sidebar.views")));
        for (StateFilter f : List.of(
                StateFilter.LOST,
                StateFilter.NOT_SAVED,
                StateFilter.AT_RISK,
                StateFilter.RUNNING,
                StateFilter.FAILED)) {
            Integer n = list.countsProperty().get().get(f);
            box.getChildren().add(entry("sidebar-" + f.key(), Feather.FILTER, i18n.get("filter." + f.key()), n, () -> {
                list.clearFilters();
                list.stateFilterProperty().set(f);
            }));
        }
        box.getChildren().add(header(i18n.get("sidebar.collections")));
        if (vm.facetsProperty().get().collections().isEmpty()) {
            Label none = new Label(i18n.get("sidebar.collections.none"));
            none.getStyleClass().add("note");
            none.setWrapText(true);
            box.getChildren().add(none);
        }
        for (Curator.Named c : vm.facetsProperty().get().collections()) {
            Button b = entry(
                    "sidebar-collection-" + c.name(),
                    Feather.FOLDER,
                    c.name(),
                    c.count(),
                    () -> vm.showCollection(c.name()));
            acceptDrops(b, c.name());
            box.getChildren().add(b);
        }
        box.getChildren().add(header(i18n.get("sidebar.tags")));
        for (Curator.Named t : vm.facetsProperty().get().tags()) {
            box.getChildren()
                    .add(entry(
                            "sidebar-tag-" + t.name(), Feather.TAG, t.name(), t.count(), () -> vm.showTag(t.name())));
        }
    }

    /** A filter over one of the output's settings, offering the values the library holds; the first entry means "any". */
    private ComboBox<String> choice(String id, String name, Library.Facet which, StringProperty bound) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setPromptText(name);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setAccessibleText(name);
        String any = i18n.get("sidebar.filter.any", name);
        Runnable fill = () -> {
            String chosen = bound.get();
            box.getItems().setAll(any);
            box.getItems().addAll(vm.facetsProperty().get().values(which));
            box.setValue(chosen == null ? any : chosen);
        };
        vm.facetsProperty().addListener((o, a, b) -> fill.run());
        bound.addListener((o, a, b) -> box.setValue(b == null ? any : b));
        box.valueProperty().addListener((o, a, b) -> bound.set(b == null || b.equals(any) ? null : b));
        fill.run();
        return box;
    }

    private void acceptDrops(Button target, String collection) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasString() && e.getDragboard().getString().startsWith(TaskListView.DRAG_MARKER)) {
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            String text = e.getDragboard().getString();
            List<TaskId> ids = TaskId.extractAll(text);
            if (!ids.isEmpty()) {
                vm.addToCollection(collection, ids);
            }
            e.setDropCompleted(!ids.isEmpty());
            e.consume();
        });
    }

    private static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06X", rgb);
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("sidebar-header");
        return l;
    }

    private static Button entry(String id, Feather icon, String text, Integer count, Runnable action) {
        Button b = new Button(count == null ? text : text + "  " + count, Icons.of(icon));
        b.setId(id);
        b.getStyleClass().addAll("flat", "sidebar-entry");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER_LEFT);
        b.setMnemonicParsing(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}
