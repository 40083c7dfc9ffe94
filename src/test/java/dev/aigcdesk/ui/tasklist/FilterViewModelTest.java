package dev.aigcdesk.ui.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.LibraryFilter;
import dev.aigcdesk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one filter: each control changes its part of it, and shows its part whoever changed it. */
class FilterViewModelTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-20T12:00:00Z"));
    private final FilterViewModel filters = new FilterViewModel(clock);

    @Test
    void eachControlChangesItsPartAndTheSidebarsViewsKeepTheRest() {
        filters.searchProperty().set("lighthouse");
        filters.kindProperty().set(TaskKind.IMAGE);
        filters.stateProperty().set(StateFilter.SUCCEEDED);
        filters.modelProperty().set("GEM");
        filters.aspectProperty().set("16:9");
        filters.sortProperty().set(LibraryFilter.Sort.STARS);
        filters.showCollection("Keepers");
        filters.showTag("poster");

        LibraryFilter f = filters.get();
        assertThat(f.text()).isEqualTo("lighthouse");
        assertThat(f.kinds()).containsExactly(TaskKind.IMAGE);
        assertThat(f.states()).containsExactly(TaskState.SUCCEEDED);
        assertThat(f.model()).isEqualTo("GEM");
        assertThat(f.aspectRatio()).isEqualTo("16:9");
        assertThat(f.sort()).isEqualTo(LibraryFilter.Sort.STARS);
        assertThat(f.tags()).as("one sidebar view at a time").containsExactly("poster");
        assertThat(f.collection()).isNull();
        assertThat(filters.narrows()).isTrue();
    }

    @Test
    void clearingShowsInEveryControlAndKeepsTheOrder() {
        filters.searchProperty().set("cabin");
        filters.stateProperty().set(StateFilter.LOST);
        filters.resolutionProperty().set("2K");
        filters.sortProperty().set(LibraryFilter.Sort.ADDED);
        filters.showStarred();

        filters.clear();

        assertThat(filters.searchProperty().get()).isEmpty();
        assertThat(filters.stateProperty().get()).isNull();
        assertThat(filters.resolutionProperty().get()).isNull();
        assertThat(filters.sortProperty().get()).isEqualTo(LibraryFilter.Sort.ADDED);
        assertThat(filters.get()).isEqualTo(LibraryFilter.NONE.sortedBy(LibraryFilter.Sort.ADDED));
        assertThat(filters.narrows()).isFalse();
    }

    @Test
    void atRiskIsMeasuredFromNowAndWhatIsTypedStaysAsTyped() {
        filters.stateProperty().set(StateFilter.AT_RISK);
        assertThat(filters.get().outputs()).isEqualTo(LibraryFilter.Outputs.AT_RISK);
        assertThat(filters.get().atRiskBefore()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        clock.advance(Duration.ofHours(5));
        assertThat(filters.get().atRiskBefore())
                .as("five hours later, five hours further")
                .isEqualTo(clock.instant().plus(Duration.ofHours(24)));

        filters.searchProperty().set("a ");
        assertThat(filters.searchProperty().get())
                .as("a trailing space is not taken away while typing")
                .isEqualTo("a ");
        filters.searchProperty().set(" ");
        assertThat(filters.get().text()).isNull();
        assertThat(filters.searchProperty().get()).isEqualTo(" ");

        filters.stateProperty().set(null);
        assertThat(filters.get().outputs()).isEqualTo(LibraryFilter.Outputs.ANY);
        assertThat(filters.get().states()).isEqualTo(Set.of());
    }
}
