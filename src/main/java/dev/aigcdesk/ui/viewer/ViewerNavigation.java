package dev.aigcdesk.ui.viewer;

import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.ui.preview.Viewer;
import dev.aigcdesk.ui.preview.ViewerItem;
import dev.aigcdesk.ui.tasklist.LazyTaskList;
import java.util.Optional;

/** The viewer's previous and next: through a task's outputs, then on to the neighbouring tasks of the list as it is shown. */
public final class ViewerNavigation implements Viewer.Source {

    /** How far to look for a neighbour with outputs (failed and running tasks have none). */
    private static final int REACH = 500;

    private final LazyTaskList items;

    public ViewerNavigation(LazyTaskList items) {
        this.items = items;
    }

    @Override
    public Optional<ViewerItem> next(ViewerItem from) {
        int n = from.file().index();
        if (n < from.task().files().size()) {
            return Optional.of(new ViewerItem(from.task(), from.task().files().get(n)));
        }
        int at = items.indexOf(from.task().id());
        for (int i = at + 1; at >= 0 && i < items.size() && i <= at + REACH; i++) {
            TaskRecord r = items.get(i);
            if (r != null && !r.files().isEmpty()) {
                return Optional.of(new ViewerItem(r, r.files().get(0)));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<ViewerItem> previous(ViewerItem from) {
        int n = from.file().index();
        if (n > 1 && n - 2 < from.task().files().size()) {
            return Optional.of(new ViewerItem(from.task(), from.task().files().get(n - 2)));
        }
        int at = items.indexOf(from.task().id());
        for (int i = at - 1; at >= 0 && i >= 0 && i >= at - REACH; i--) {
            TaskRecord r = items.get(i);
            if (r != null && !r.files().isEmpty()) {
                return Optional.of(new ViewerItem(r, r.files().get(r.files().size() - 1)));
            }
        }
        return Optional.empty();
    }
}
