package dev.aigcdesk.ui.tasklist;

import dev.aigcdesk.domain.Expiry;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.LibraryFilter;
import java.time.Clock;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the window is filtered by, owned here once: one {@link LibraryFilter} value, which the toolbar's
 * search, state, kind and order, and the sidebar's views and filters each change one part of. A control
 * shows its part of the value, whoever changed it (a cleared filter clears every control).
 */
public final class FilterViewModel {

    private final Clock clock;
    private final ObjectProperty<LibraryFilter> filter = new SimpleObjectProperty<>(LibraryFilter.NONE);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<StateFilter> state = new SimpleObjectProperty<>();
    private final ObjectProperty<TaskKind> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<LibraryFilter.Sort> sort = new SimpleObjectProperty<>(LibraryFilter.Sort.CREATED);
    private final StringProperty model = new SimpleStringProperty();
    private final StringProperty aspect = new SimpleStringProperty();
    private final StringProperty resolution = new SimpleStringProperty();
    /** Set while the controls are brought in step with the value, so they do not write it back. */
    private boolean showing;

    public FilterViewModel(Clock clock) {
        this.clock = clock;
        search.addListener((o, a, b) -> change(f -> f.withText(b)));
        state.addListener((o, a, b) -> change(f -> withState(f, b)));
        kind.addListener((o, a, b) -> change(f -> f.withKinds(b == null ? Set.of() : Set.of(b))));
        sort.addListener((o, a, b) -> change(f -> f.sortedBy(b)));
        model.addListener((o, a, b) -> change(f -> f.withModel(b)));
        aspect.addListener((o, a, b) -> change(f -> f.withShape(b, f.resolution())));
        resolution.addListener((o, a, b) -> change(f -> f.withShape(f.aspectRatio(), b)));
        filter.addListener((o, a, b) -> show(b));
    }

    /** The whole value, as the library runs it. */
    public ReadOnlyObjectProperty<LibraryFilter> filterProperty() {
        return filter;
    }

    public LibraryFilter get() {
        LibraryFilter f = filter.get();
        // "At risk" is measured from now, not from when it was chosen.
        return f.outputs() == LibraryFilter.Outputs.AT_RISK
                ? f.withOutputs(f.outputs(), Expiry.atRiskBefore(clock))
                : f;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<StateFilter> stateProperty() {
        return state;
    }

    public ObjectProperty<TaskKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<LibraryFilter.Sort> sortProperty() {
        return sort;
    }

    /** A model name (GEM) or name and version ("GEM 2.5"), or null for any. */
    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty aspectProperty() {
        return aspect;
    }

    public StringProperty resolutionProperty() {
        return resolution;
    }

    /** Whether anything narrows the list now (the order aside). */
    public boolean narrows() {
        return filter.get().narrows();
    }

    /** Everything again, in the same order: the "Clear filters" of an empty list, and the sidebar's "All tasks". */
    public void clear() {
        filter.set(LibraryFilter.NONE.sortedBy(filter.get().sort()));
    }

    /** The sidebar's views: one at a time, each keeping the search and the filters. */
    public void showStarred() {
        filter.set(view(filter.get()).withStars(1));
    }

    public void showCollection(String name) {
        filter.set(view(filter.get()).withCollection(name));
    }

    public void showTag(String tag) {
        filter.set(view(filter.get()).withTags(Set.of(tag)));
    }

    /** Only this task, what it was made from and its tries; null leads back. */
    public void showFamily(TaskId id) {
        filter.set(view(filter.get()).withFamily(id));
    }

    /** What finding by look found: only those tasks, in that order; null leads back. */
    public void showRanking(LibraryFilter.Ranking r) {
        filter.set(view(filter.get()).rankedBy(r));
    }

    private static LibraryFilter view(LibraryFilter f) {
        return f.withStars(0)
                .withCollection(null)
                .withTags(Set.of())
                .withFamily(null)
                .rankedBy(null);
    }

    private LibraryFilter withState(LibraryFilter f, StateFilter s) {
        TaskState st = s == null ? null : s.state();
        LibraryFilter.Outputs outputs = s == null ? LibraryFilter.Outputs.ANY : s.outputs();
        return f.withStates(st == null ? Set.of() : Set.of(st))
                .withOutputs(outputs, outputs == LibraryFilter.Outputs.AT_RISK ? Expiry.atRiskBefore(clock) : null);
    }

    private void change(java.util.function.UnaryOperator<LibraryFilter> part) {
        if (!showing) {
            filter.set(part.apply(filter.get()));
        }
    }

    private void show(LibraryFilter f) {
        showing = true;
        try {
            // What is being typed stays as typed ("a " is still "a "), unless the value now says something else.
            String typed = search.get() == null || search.get().isBlank() ? null : search.get();
            if (!java.util.Objects.equals(typed, f.text())) {
                search.set(f.text() == null ? "" : f.text());
            }
            state.set(stateOf(f));
            kind.set(f.kinds().size() == 1 ? f.kinds().iterator().next() : null);
            sort.set(f.sort());
            model.set(f.model());
            aspect.set(f.aspectRatio());
            resolution.set(f.resolution());
        } finally {
            showing = false;
        }
    }

    private static StateFilter stateOf(LibraryFilter f) {
        return switch (f.outputs()) {
            case LOST -> StateFilter.LOST;
            case NOT_SAVED -> StateFilter.NOT_SAVED;
            case AT_RISK -> StateFilter.AT_RISK;
            case ANY ->
                f.states().size() == 1
                        ? StateFilter.valueOf(f.states().iterator().next().name())
                        : null;
        };
    }
}
