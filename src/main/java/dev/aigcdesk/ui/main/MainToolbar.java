package dev.aigcdesk.ui.main;

import dev.aigcdesk.config.WindowState;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.library.LibraryFilter;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.common.Icons;
import dev.aigcdesk.ui.common.Words;
import dev.aigcdesk.ui.tasklist.StateFilter;
import dev.aigcdesk.ui.tasklist.TaskListView;
import dev.aigcdesk.ui.tasklist.TaskListViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;
import org.kordamp.ikonli.feather.Feather;

/** The toolbar: add, refresh, search as you type, the state and kind filters, list or grid, theme, settings and about. */
final class MainToolbar {

    /** What the toolbar's buttons do. */
    record Actions(
            Runnable add,
            Runnable generate,
            Runnable refresh,
            Runnable toggleTheme,
            Runnable openSettings,
            Runnable about) {}

    private final TextField search = new TextField();
    private final PauseTransition debounce = new PauseTransition(Duration.millis(150));
    private final TaskListViewModel listVm;
    private final TaskListView list;
    private final HBox bar;
    /** The toolbar width under which the two labelled buttons show their icons only. */
    static final double COMPACT_BELOW = 1240;

    MainToolbar(TaskListViewModel listVm, TaskListView list, Words words, Actions actions) {
        this.listVm = listVm;
        this.list = list;
        I18n i18n = words.i18n();
        Label title = new Label(i18n.get("app.title"));
        title.getStyleClass().add("app-title");
        Button add = iconButton(Feather.PLUS, i18n.get("toolbar.add"), i18n.get("toolbar.add.tip"), actions.add());
        add.setId("add-button");
        add.getStyleClass().add("accent");
        Button generate = iconButton(
                Feather.ZAP, i18n.get("toolbar.generate"), i18n.get("toolbar.generate.tip"), actions.generate());
        generate.setId("generate-button");
        // Refresh is an icon (F5 does it too): the toolbar keeps its layout down to 1000 px with New generation beside
        // Add.
        Button refresh = iconButton(
                Feather.REFRESH_CW,
                null,
                i18n.get("toolbar.refresh") + " — " + i18n.get("toolbar.refresh.tip"),
                actions.refresh());
        refresh.setId("refresh-button");
        search.setId("search");
        search.setPromptText(i18n.get("toolbar.search"));
        search.getStyleClass().add("search");
        search.setAccessibleText(i18n.get("toolbar.search"));
        debounce.setOnFinished(e -> listVm.searchProperty().set(search.getText()));
        search.textProperty().addListener((o, a, b) -> debounce.playFromStart());
        // "Clear filters" empties the search from the model's side: the field follows.
        listVm.searchProperty().addListener((o, a, b) -> {
            if ((b == null || b.isEmpty()) && !search.getText().isEmpty()) {
                debounce.stop();
                search.setText("");
            }
        });
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                list.list().requestFocus();
                if (list.list().getSelectionModel().isEmpty() && !listVm.items().isEmpty()) {
                    list.selectIndex(0);
                }
            }
        });
        ComboBox<StateFilter> state = filter(
                "state-filter",
                i18n.get("toolbar.filter.state"),
                List.of(StateFilter.values()),
                f -> i18n.get("filter." + f.key())
                        + (f.counted() ? " (" + listVm.countsProperty().get().getOrDefault(f, 0) + ")" : ""),
                listVm.stateFilterProperty());
        // The counts beside Lost, Not saved yet and At risk follow the library.
        listVm.countsProperty().addListener((o, a, b) -> {
            StateFilter chosen = state.getValue();
            state.getItems().setAll(new ArrayList<>(state.getItems()));
            state.setValue(chosen);
        });
        ComboBox<TaskKind> kind = filter(
                "kind-filter",
                i18n.get("toolbar.filter.kind"),
                List.of(TaskKind.values()),
                words::kind,
                listVm.kindFilterProperty());
        ComboBox<LibraryFilter.Sort> sort = filter(
                "sort",
                i18n.get("toolbar.sort"),
                List.of(LibraryFilter.Sort.values()),
                s -> i18n.get("sort." + s.name().toLowerCase(Locale.ROOT)),
                listVm.sortProperty());
        sort.getItems().remove(null);
        Button theme = iconButton(Feather.MOON, null, i18n.get("toolbar.theme"), actions.toggleTheme());
        Button settings = iconButton(Feather.SETTINGS, null, i18n.get("toolbar.settings"), actions.openSettings());
        settings.setId("settings-button");
        Button about = iconButton(Feather.INFO, null, i18n.get("about.title"), actions.about());
        about.setId("about-button");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Slider size = new Slider(
                WindowState.MIN_TILE,
                WindowState.MAX_TILE,
                list.tileSizeProperty().get());
        size.setId("tile-size");
        size.setPrefWidth(120);
        size.setMinWidth(48);
        size.setTooltip(new Tooltip(i18n.get("toolbar.tileSize")));
        size.setAccessibleText(i18n.get("toolbar.tileSize"));
        size.valueProperty().bindBidirectional(list.tileSizeProperty());
        size.visibleProperty().bind(list.gridModeProperty());
        size.managedProperty().bind(size.visibleProperty());
        bar = new HBox(
                8,
                title,
                add,
                generate,
                refresh,
                search,
                state,
                kind,
                sort,
                viewToggle(i18n),
                size,
                spacer,
                theme,
                settings,
                about);
        bar.getStyleClass().add("toolbar-row");
        // Down to 1000 px wide nothing is cut short: buttons keep their size, the search field and the filters give
        // way, then the title.
        for (Node n : bar.getChildren()) {
            if (n instanceof Button b) {
                b.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        search.setPrefWidth(280);
        search.setMinWidth(72);
        HBox.setHgrow(search, Priority.SOMETIMES);
        // Below 1,240 px Add and New generation keep their icons (and tooltips) only: the search and the filters keep
        // readable widths.
        var compact = bar.widthProperty().lessThan(COMPACT_BELOW);
        for (Button b : List.of(add, generate)) {
            b.contentDisplayProperty()
                    .bind(Bindings.when(compact)
                            .then(ContentDisplay.GRAPHIC_ONLY)
                            .otherwise(ContentDisplay.LEFT));
        }
        title.setMinWidth(Region.USE_PREF_SIZE);
        title.visibleProperty().bind(bar.widthProperty().greaterThan(1320));
        title.managedProperty().bind(title.visibleProperty());
    }

    HBox node() {
        return bar;
    }

    TextField search() {
        return search;
    }

    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** Escape in the search box: empty it at once and go back to the list. */
    void clearSearch() {
        debounce.stop();
        search.setText("");
        listVm.searchProperty().set("");
        list.list().requestFocus();
    }

    private SegmentedButton viewToggle(I18n i18n) {
        ToggleButton listMode = new ToggleButton(null, Icons.of(Feather.LIST));
        listMode.setId("list-toggle");
        listMode.setTooltip(new Tooltip(i18n.get("toolbar.view.list")));
        listMode.setAccessibleText(i18n.get("toolbar.view.list"));
        ToggleButton gridMode = new ToggleButton(null, Icons.of(Feather.GRID));
        gridMode.setTooltip(new Tooltip(i18n.get("toolbar.view.grid")));
        gridMode.setAccessibleText(i18n.get("toolbar.view.grid"));
        gridMode.setId("grid-toggle");
        SegmentedButton view = new SegmentedButton(listMode, gridMode);
        (list.gridModeProperty().get() ? gridMode : listMode).setSelected(true);
        list.gridModeProperty().addListener((o, a, b) -> (b ? gridMode : listMode).setSelected(true));
        view.getToggleGroup().selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                list.gridModeProperty().set(b == gridMode);
            }
        });
        return view;
    }

    /** A filter box whose first entry (null) means "any", shown as the filter's name. */
    private static <T> ComboBox<T> filter(
            String id, String name, List<T> values, Function<T, String> label, ObjectProperty<T> bound) {
        Function<T, String> text = v -> v == null ? name : label.apply(v);
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().add(null);
        box.getItems().addAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T v, boolean empty) {
                super.updateItem(v, empty);
                setText(text.apply(v));
            }
        });
        box.valueProperty().bindBidirectional(bound);
        box.setAccessibleText(name);
        // As wide as its longest choice, never cut: a steady width whatever is chosen (the search field gives way
        // instead).
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private static Button iconButton(Feather icon, String text, String tip, Runnable action) {
        Button b = new Button(text, Icons.of(icon));
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(text == null ? tip : text);
        b.setOnAction(e -> action.run());
        if (text == null) {
            b.getStyleClass().add("button-icon");
        }
        return b;
    }
}
