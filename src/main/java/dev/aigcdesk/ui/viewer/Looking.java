package dev.aigcdesk.ui.viewer;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.ui.common.Words;
import dev.aigcdesk.ui.preview.CompareView;
import dev.aigcdesk.ui.preview.Thumbnails;
import dev.aigcdesk.ui.preview.Viewer;
import dev.aigcdesk.ui.preview.ViewerItem;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * The main window's looking glasses: one viewer and one compare view, opened on demand. Moving to
 * another task in the viewer selects it in the window too.
 */
public final class Looking {

    private final Node anchor;
    private final Words words;
    private final ViewerNavigation navigation;
    private final Supplier<Viewer.Actions> actions;
    private final Supplier<TaskId> showing;
    private final Thumbnails thumbnails;
    private final Consumer<TaskId> select;
    private Viewer viewer;
    private CompareView compare;

    public Looking(
            Node anchor,
            Words words,
            Thumbnails thumbnails,
            ViewerNavigation navigation,
            Supplier<Viewer.Actions> actions,
            Supplier<TaskId> showing,
            Consumer<TaskId> select) {
        this.thumbnails = thumbnails;
        this.anchor = anchor;
        this.words = words;
        this.navigation = navigation;
        this.actions = actions;
        this.showing = showing;
        this.select = select;
    }

    public void view(ViewerItem item) {
        if (viewer == null) {
            viewer = new Viewer(
                    anchor.getScene().getWindow(),
                    new Viewer.Source() {
                        @Override
                        public Optional<ViewerItem> next(ViewerItem from) {
                            return follow(navigation.next(from));
                        }

                        @Override
                        public Optional<ViewerItem> previous(ViewerItem from) {
                            return follow(navigation.previous(from));
                        }
                    },
                    actions.get(),
                    words,
                    thumbnails,
                    anchor.getScene().getStylesheets());
        }
        viewer.show(item);
    }

    private Optional<ViewerItem> follow(Optional<ViewerItem> to) {
        to.filter(i -> !i.task().id().equals(showing.get()))
                .ifPresent(i -> select.accept(i.task().id()));
        return to;
    }

    public CompareView compare(List<ViewerItem> items) {
        if (compare != null) {
            compare.stage().close();
        }
        compare = new CompareView(
                anchor.getScene().getWindow(), items, words, anchor.getScene().getStylesheets());
        compare.show();
        return compare;
    }

    /** Space: closes the viewer if it is open; false when there was nothing to close. */
    public boolean closeViewer() {
        if (viewer != null && viewer.isShowing()) {
            viewer.close();
            return true;
        }
        return false;
    }

    public Viewer viewer() {
        return viewer;
    }

    public CompareView compareView() {
        return compare;
    }

    public void close() {
        if (viewer != null) {
            viewer.close();
        }
        if (compare != null) {
            compare.stage().close();
        }
    }
}
