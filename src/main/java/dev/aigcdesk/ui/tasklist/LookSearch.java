package dev.aigcdesk.ui.tasklist;

import dev.aigcdesk.app.LookFinder;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.LibraryFilter;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.look.LookIndex;
import dev.aigcdesk.ui.common.UiExecutor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Finding pictures by look from the window: "More like this", a colour, the near-duplicates. Each puts a
 * ranking on the list (only those tasks, in that order) that the sidebar shows and clears like any view.
 */
public final class LookSearch {

    private final LookFinder finder;
    private final TaskListViewModel list;
    private final UiExecutor ui;
    private final Function<Throwable, String> say;
    private final StringProperty message = new SimpleStringProperty();
    private final IntegerProperty extraCopies = new SimpleIntegerProperty();

    public LookSearch(LookFinder finder, TaskListViewModel list, UiExecutor ui, Function<Throwable, String> say) {
        this.finder = finder;
        this.list = list;
        this.ui = ui;
        this.say = say;
    }

    /** Reads the library's looks into memory ahead of the first search, off the window's thread. */
    public void warm() {
        ui.run(finder::index, index -> {}, e -> {});
    }

    /** What the last search could not do, in the window's words (a picture not saved yet…); null when fine. */
    public StringProperty messageProperty() {
        return message;
    }

    /** While the duplicates view is shown: how many tasks are nothing but extra copies (what "Remove" takes out). */
    public IntegerProperty extraCopiesProperty() {
        return extraCopies;
    }

    /** The library ordered by how much it looks like {@code r}; {@code unsaved} is said when it has no saved picture. */
    public void like(TaskRecord r, String label, String unsaved) {
        if (r == null) {
            return;
        }
        ui.run(
                () -> finder.like(r.id(), label),
                (LibraryFilter.Ranking ranking) -> {
                    if (ranking.ids().isEmpty()) {
                        message.set(unsaved);
                    } else {
                        message.set(null);
                        extraCopies.set(0);
                        list.filters().showRanking(ranking);
                    }
                },
                e -> message.set(say.apply(e)));
    }

    /** The pictures with {@code rgb} among their dominant colours, the strongest first. */
    public void colour(int rgb, String label) {
        ui.run(
                () -> finder.colour(rgb, label),
                (LibraryFilter.Ranking ranking) -> {
                    message.set(null);
                    extraCopies.set(0);
                    list.filters().showRanking(ranking);
                },
                e -> message.set(say.apply(e)));
    }

    /** The groups of near-duplicates, each group's copy to keep first. */
    public void duplicates(String label) {
        ui.run(
                () -> new Found(finder.duplicates(label), extra(finder.index())),
                (Found found) -> {
                    message.set(null);
                    extraCopies.set(found.extra().size());
                    list.filters().showRanking(found.ranking());
                },
                e -> message.set(say.apply(e)));
    }

    private record Found(LibraryFilter.Ranking ranking, List<TaskId> extra) {}

    /** Takes out the tasks that are nothing but extra copies (their files stay); Undo puts them back. */
    public void removeExtraCopies(String label, Runnable done) {
        ui.run(
                () -> extra(finder.index()),
                (List<TaskId> ids) -> {
                    if (ids.isEmpty()) {
                        done.run();
                        return;
                    }
                    // The view stays as it was found: the copy kept shows, and Undo brings the others back into it.
                    list.remove(ids, () -> {
                        extraCopies.set(0);
                        done.run();
                    });
                },
                e -> message.set(say.apply(e)));
    }

    /** Tasks each of whose looked-at pictures is a copy not to keep (a task with a keeper, or a picture of its own, stays). */
    static List<TaskId> extra(LookIndex index) {
        Set<TaskId> keep = new HashSet<>();
        Map<TaskId, Integer> copies = new LinkedHashMap<>();
        for (LookIndex.Group g : index.duplicates()) {
            keep.add(g.keep().id());
            for (LookIndex.Entry e : g.rest()) {
                copies.merge(e.id(), 1, Integer::sum);
            }
        }
        List<TaskId> out = new ArrayList<>();
        copies.forEach((id, n) -> {
            if (!keep.contains(id) && n == index.pictures(id)) {
                out.add(id);
            }
        });
        return out;
    }
}
