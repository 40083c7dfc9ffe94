package dev.aigcdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.OutputConfig;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.library.sqlite.SqliteLibrary;
import dev.aigcdesk.sync.PollSchedule;
import dev.aigcdesk.sync.SyncEvent;
import dev.aigcdesk.sync.SyncEvents;
import dev.aigcdesk.testing.MutableClock;
import dev.aigcdesk.testing.Tasks;
import dev.aigcdesk.ui.common.Desk;
import dev.aigcdesk.ui.common.UiExecutor;
import dev.aigcdesk.ui.detail.TaskDetailViewModel;
import dev.aigcdesk.ui.sidebar.SidebarViewModel;
import dev.aigcdesk.ui.status.StatusViewModel;
import dev.aigcdesk.ui.tasklist.GalleryShape;
import dev.aigcdesk.ui.tasklist.StateFilter;
import dev.aigcdesk.ui.tasklist.TaskListViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view models on a real ledger, with a synchronous executor: no window, no toolkit. */
class ViewModelTest {

    @TempDir
    Path dir;

    private Library ledger;
    private Desk desk;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-20T12:00:00Z"));

    @BeforeEach
    void open() throws Exception {
        ledger = SqliteLibrary.open(dir.resolve("library.db"));
        desk = new Desk(
                ledger,
                null,
                new SyncEvents(),
                null,
                null,
                clock,
                dir.resolve("archive"),
                false,
                true,
                PollSchedule.Intervals.DEFAULT);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void listPagesLazilyAndCountsEverything() throws Exception {
        for (int i = 0; i < 450; i++) {
            ledger.add(List.of(Tasks.id(i)), clock.instant().plusSeconds(i));
        }
        TaskListViewModel vm =
                new TaskListViewModel(desk.ledger(), desk.clock(), desk::wake, desk::say, UiExecutor.IMMEDIATE);
        vm.reload();
        assertThat(vm.totalProperty().get()).isEqualTo(450);
        assertThat(vm.items()).hasSize(450);
        assertThat(vm.items().get(0).id()).isEqualTo(Tasks.id(449));
        List<Integer> updated = new ArrayList<>();
        vm.items().addListener((ListChangeListener<TaskRecord>) c -> {
            while (c.next()) {
                if (c.wasUpdated()) {
                    updated.add(c.getFrom());
                }
            }
        });
        assertThat(vm.items().get(449))
                .as("a row not loaded yet is a placeholder")
                .isNull();
        assertThat(updated).as("its page arrives as an update").contains(400);
        assertThat(vm.items().get(449).id()).isEqualTo(Tasks.id(0));
    }

    @Test
    void searchAndFiltersNarrowTheList() throws Exception {
        ledger.recordAnswer(
                Tasks.task(Tasks.id(1), TaskState.SUCCEEDED, "a lighthouse at dawn", "GEM", clock.instant(), List.of()),
                "{}",
                clock.instant());
        ledger.recordAnswer(
                Tasks.task(Tasks.id(2), TaskState.RUNNING, "a fox in the snow", "Kling", clock.instant(), List.of()),
                "{}",
                clock.instant());
        TaskListViewModel vm =
                new TaskListViewModel(desk.ledger(), desk.clock(), desk::wake, desk::say, UiExecutor.IMMEDIATE);
        vm.searchProperty().set("lighthouse");
        assertThat(vm.items()).extracting(TaskRecord::id).containsExactly(Tasks.id(1));
        vm.searchProperty().set("");
        vm.stateFilterProperty().set(StateFilter.RUNNING);
        assertThat(vm.items()).extracting(TaskRecord::id).containsExactly(Tasks.id(2));
    }

    @Test
    void theSmartViewsFindLostUnsavedAndAtRiskOutputsWithTheirCounts() throws Exception {
        Instant soon = clock.instant().plus(Duration.ofHours(3));
        Instant later = clock.instant().plus(Duration.ofDays(5));
        ledger.recordAnswer(
                Tasks.task(
                        Tasks.id(1),
                        TaskState.SUCCEEDED,
                        "soon gone",
                        "GEM",
                        clock.instant(),
                        List.of(Tasks.file("http://x/1.png", soon))),
                "{}",
                clock.instant());
        ledger.recordAnswer(
                Tasks.task(
                        Tasks.id(2),
                        TaskState.SUCCEEDED,
                        "plenty of time",
                        "GEM",
                        clock.instant(),
                        List.of(Tasks.file("http://x/2.png", later))),
                "{}",
                clock.instant());
        ledger.recordAnswer(
                Tasks.task(
                        Tasks.id(3),
                        TaskState.SUCCEEDED,
                        "gone",
                        "GEM",
                        clock.instant(),
                        List.of(Tasks.file("http://x/3.png", soon))),
                "{}",
                clock.instant());
        ledger.markFile(Tasks.id(3), 1, ArchiveState.EXPIRED, "expired");
        TaskListViewModel vm =
                new TaskListViewModel(desk.ledger(), desk.clock(), desk::wake, desk::say, UiExecutor.IMMEDIATE);
        vm.reload();
        assertThat(vm.countsProperty().get())
                .containsEntry(StateFilter.LOST, 1)
                .containsEntry(StateFilter.NOT_SAVED, 2)
                .containsEntry(StateFilter.AT_RISK, 1);
        vm.stateFilterProperty().set(StateFilter.AT_RISK);
        assertThat(vm.items()).extracting(TaskRecord::id).containsExactly(Tasks.id(1));

        vm.stateFilterProperty().set(StateFilter.LOST);
        assertThat(vm.items()).extracting(TaskRecord::id).containsExactly(Tasks.id(3));
        assertThat(vm.filtered()).isTrue();
        vm.clearFilters();
        assertThat(vm.filtered()).isFalse();
        assertThat(vm.items()).hasSize(3);
        // A file lost while the window is open: the counts follow without the rows being read again.
        int loads = vm.loadsProperty().get();
        ledger.markFile(Tasks.id(2), 1, ArchiveState.EXPIRED, "expired");
        vm.recount();
        assertThat(vm.countsProperty().get())
                .containsEntry(StateFilter.LOST, 2)
                .containsEntry(StateFilter.NOT_SAVED, 1);
        assertThat(vm.loadsProperty().get()).as("no reload").isEqualTo(loads);
    }

    @Test
    void aTaskTheServiceDatesMovesToItsPlaceInTheOrder() throws Exception {
        ledger.recordAnswer(
                Tasks.task(
                        Tasks.id(1),
                        TaskState.SUCCEEDED,
                        "yesterday's",
                        "GEM",
                        clock.instant().minus(Duration.ofDays(1)),
                        List.of()),
                "{}",
                clock.instant());
        ledger.add(List.of(Tasks.id(2)), clock.instant());
        TaskListViewModel vm =
                new TaskListViewModel(desk.ledger(), desk.clock(), desk::wake, desk::say, UiExecutor.IMMEDIATE);
        vm.reload();
        assertThat(vm.items())
                .extracting(TaskRecord::id)
                .as("not dated yet: last")
                .containsExactly(Tasks.id(1), Tasks.id(2));
        ledger.recordAnswer(
                Tasks.task(Tasks.id(2), TaskState.RUNNING, "today's", "GEM", clock.instant(), List.of()),
                "{}",
                clock.instant());
        vm.taskChanged(ledger.find(Tasks.id(2)).orElseThrow());
        assertThat(vm.items())
                .extracting(TaskRecord::id)
                .as("dated today: first")
                .containsExactly(Tasks.id(2), Tasks.id(1));
        ledger.recordAnswer(
                Tasks.task(Tasks.id(2), TaskState.RUNNING, "today's", "GEM", clock.instant(), List.of()),
                "{}",
                clock.instant());
        int loads = vm.loadsProperty().get();
        vm.taskChanged(ledger.find(Tasks.id(2)).orElseThrow());
        assertThat(vm.loadsProperty().get())
                .as("progress alone changes the row in place")
                .isEqualTo(loads);
    }

    /** Holds work until the test lets it run, as the app's pool does while the library is busy. */
    private static final class HeldUi implements UiExecutor {
        final ArrayDeque<Runnable> held = new ArrayDeque<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
            held.add(() -> IMMEDIATE.run(work, onSuccess, onError));
        }

        @Override
        public void onUi(Runnable r) {
            r.run();
        }

        int drain() {
            int n = 0;
            while (!held.isEmpty()) {
                held.poll().run();
                n++;
            }
            return n;
        }
    }

    @Test
    void manyTasksDatedAtOnceReorderTheListOnceOrTwiceNotOnceEach() throws Exception {
        List<TaskId> ids = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            ids.add(Tasks.id(i));
        }
        ledger.add(ids, clock.instant());
        HeldUi held = new HeldUi();
        TaskListViewModel vm = new TaskListViewModel(desk.ledger(), desk.clock(), desk::wake, desk::say, held);
        vm.reload();
        held.drain();
        assertThat(vm.items()).hasSize(6);
        int loads = vm.loadsProperty().get();
        for (int i = 1; i <= 6; i++) {
            ledger.recordAnswer(
                    Tasks.task(
                            Tasks.id(i),
                            TaskState.RUNNING,
                            "p" + i,
                            "GEM",
                            clock.instant().plusSeconds(i),
                            List.of()),
                    "{}",
                    clock.instant());
            vm.taskChanged(ledger.find(Tasks.id(i)).orElseThrow());
        }
        assertThat(held.held)
                .as("one read of the order on its way, the other five wait for it")
                .hasSize(1);
        held.drain();
        assertThat(vm.loadsProperty().get() - loads)
                .as("read twice for six changes")
                .isEqualTo(2);
        assertThat(vm.items())
                .extracting(TaskRecord::id)
                .as("newest generated first")
                .startsWith(Tasks.id(6), Tasks.id(5));
    }

    @Test
    void theGalleryLaysOutTheFirstPageAtOnceAndEveryTasksShapeFollows() throws Exception {
        List<TaskId> ids = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            ids.add(Tasks.id(i));
        }
        ledger.add(ids, clock.instant());
        for (int i = 1; i <= 250; i++) {
            ledger.recordAnswer(
                    Tasks.task(
                            Tasks.id(i),
                            TaskState.SUCCEEDED,
                            "p" + i,
                            "GEM",
                            clock.instant().minusSeconds(i * 600L),
                            List.of()),
                    "{}",
                    clock.instant());
        }
        HeldUi held = new HeldUi();
        TaskListViewModel vm = new TaskListViewModel(desk.ledger(), desk.clock(), desk::wake, desk::say, held);
        vm.wantShapeProperty().set(true);
        held.drain();
        vm.reload();
        assertThat(held.held).as("the first page is read").hasSize(1);
        held.held.poll().run();
        assertThat(held.held).as("then every task's shape, in the background").hasSize(1);
        assertThat(vm.shapeProperty().get().ratios())
                .as("the first page laid out from its own rows, before all are read")
                .hasSize(200)
                .containsOnly(1f);
        assertThat(vm.shapeProperty().get().dayStarts()).startsWith(0);
        held.drain();
        assertThat(vm.shapeProperty().get().ratios())
                .as("then every listed task's")
                .hasSize(250);
        int[] all = vm.shapeProperty().get().dayStarts();
        assertThat(all)
                .as("10-minute steps over 250 tasks span two days or more")
                .hasSizeGreaterThan(1);

        // While the window's first frame is being made, only the page's own shapes: every task's waits for it.
        vm.holdShapes(true);
        vm.reload();
        held.held.poll().run();
        assertThat(held.held).as("nothing more read while held").isEmpty();
        assertThat(vm.shapeProperty().get().ratios()).hasSize(200);
        vm.holdShapes(false);
        held.drain();
        assertThat(vm.shapeProperty().get().ratios()).hasSize(250);

        vm.wantShapeProperty().set(false);
        assertThat(vm.shapeProperty().get()).as("the list wants none").isEqualTo(GalleryShape.NONE);
    }

    @Test
    void addingTextCountsNewKnownAndInvalidIds() throws Exception {
        ledger.add(List.of(Tasks.id(1)), clock.instant());
        TaskListViewModel vm =
                new TaskListViewModel(desk.ledger(), desk.clock(), desk::wake, desk::say, UiExecutor.IMMEDIATE);
        List<TaskListViewModel.AddOutcome> out = new ArrayList<>();
        vm.addFromText(
                "please check " + Tasks.id(1) + " and " + Tasks.id(2) + " and 1397741205-AigcImageTask-bad", out::add);
        assertThat(out).singleElement().satisfies(o -> {
            assertThat(o.added()).isEqualTo(1);
            assertThat(o.present()).isEqualTo(1);
            assertThat(o.invalid()).isEqualTo(1);
        });
        assertThat(vm.items()).hasSize(2);
    }

    @Test
    void removeThenUndoPutsTheTaskBackExactly() throws Exception {
        ledger.recordAnswer(
                Tasks.task(Tasks.id(1), TaskState.SUCCEEDED, "keep me", "GEM", clock.instant(), List.of()),
                "{\"raw\":1}",
                clock.instant());
        TaskRecord before = ledger.find(Tasks.id(1)).orElseThrow();
        TaskListViewModel vm =
                new TaskListViewModel(desk.ledger(), desk.clock(), desk::wake, desk::say, UiExecutor.IMMEDIATE);
        vm.reload();
        vm.remove(Tasks.id(1), () -> {});
        assertThat(vm.items()).isEmpty();
        assertThat(vm.lastRemovedProperty().get()).as("undo is offered").isNotNull();
        assertThat(vm.undoRemove()).isEqualTo(Tasks.id(1));
        assertThat(vm.lastRemovedProperty().get()).as("undo is used up").isNull();
        assertThat(vm.items()).hasSize(1);
        assertThat(ledger.find(Tasks.id(1)).orElseThrow()).isEqualTo(before);
        assertThat(ledger.raw(Tasks.id(1)).latest()).isEqualTo("{\"raw\":1}");
    }

    @Test
    void aLateAnswerForAnotherTaskNeverPaintsTheDetailPane() throws Exception {
        ledger.add(List.of(Tasks.id(1), Tasks.id(2)), clock.instant());
        List<Runnable> pending = new ArrayList<>();
        UiExecutor deferred = new UiExecutor() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
                pending.add(() -> {
                    try {
                        onSuccess.accept(work.call());
                    } catch (Exception e) {
                        onError.accept(e);
                    }
                });
            }

            @Override
            public void onUi(Runnable r) {
                r.run();
            }
        };
        TaskDetailViewModel vm =
                new TaskDetailViewModel(desk.ledger(), desk.saveCopy(), desk.desktop(), desk::say, deferred);
        vm.show(Tasks.id(1));
        vm.show(Tasks.id(2));
        pending.get(1).run(); // task 2's answer arrives first
        pending.get(0).run(); // then the stale answer for task 1
        assertThat(vm.recordProperty().get().id()).isEqualTo(Tasks.id(2));
    }

    @Test
    void liveChangesReachTheDetailPaneOnlyForTheTaskOnScreen() throws Exception {
        ledger.add(List.of(Tasks.id(1), Tasks.id(2)), clock.instant());
        TaskDetailViewModel vm = new TaskDetailViewModel(
                desk.ledger(), desk.saveCopy(), desk.desktop(), desk::say, UiExecutor.IMMEDIATE);
        vm.show(Tasks.id(1));
        var other = ledger.recordAnswer(
                Tasks.task(Tasks.id(2), TaskState.RUNNING, "other", "GEM", clock.instant(), List.of()),
                "{}",
                clock.instant());
        vm.taskChanged(other.after());
        assertThat(vm.recordProperty().get().id()).isEqualTo(Tasks.id(1));
        var mine = ledger.recordAnswer(
                Tasks.task(Tasks.id(1), TaskState.RUNNING, "mine", "GEM", clock.instant(), List.of()),
                "{}",
                clock.instant());
        vm.taskChanged(mine.after());
        assertThat(vm.recordProperty().get().task().prompt()).isEqualTo("mine");
        assertThat(vm.recordProperty().get().task().progress()).isEqualTo(40);
    }

    @Test
    void staleIdsAreIgnoredWhenNothingIsSelected() {
        TaskDetailViewModel vm = new TaskDetailViewModel(
                desk.ledger(), desk.saveCopy(), desk.desktop(), desk::say, UiExecutor.IMMEDIATE);
        vm.show(null);
        assertThat(vm.recordProperty().get()).isNull();
        vm.show(TaskId.parse("1397741205-AigcImageTask-00000000000000000000000000000099t"));
        assertThat(vm.recordProperty().get())
                .as("an id the library does not have shows nothing")
                .isNull();
    }

    @Test
    void aServiceThatTimesOutIsSaidToBeSlowNotOfflineUntilItAnswers() throws Exception {
        SyncEvents events = new SyncEvents();
        Desk withEvents = deskWith(events);
        StatusViewModel vm = statusOf(withEvents);
        events.publish(new SyncEvent.QueryFailed(
                Tasks.id(1), "Timeout", "The service did not answer in 45 s (it sent 12 bytes).", false, false));
        assertThat(vm.slowProperty().get()).isTrue();
        assertThat(vm.offlineProperty().get()).as("reached, only slow").isFalse();
        events.publish(new SyncEvent.Refreshed(clock.instant()));
        assertThat(vm.slowProperty().get()).as("an answer ends it").isFalse();
        events.publish(new SyncEvent.QueryFailed(Tasks.id(1), "Network", "Cannot connect.", false, true));
        assertThat(vm.slowProperty().get()).isFalse();
        assertThat(vm.offlineProperty().get()).isTrue();
        vm.close();
    }

    @Test
    void notifiesOnlyChangesTheUserCouldWatch() throws Exception {
        SyncEvents events = new SyncEvents();
        Desk withEvents = deskWith(events);
        StatusViewModel vm = statusOf(withEvents);
        List<StatusViewModel.Notice> notices = new ArrayList<>();
        vm.onNotice(notices::add);
        ledger.add(List.of(Tasks.id(1), Tasks.id(2)), clock.instant());

        // Task 1 is seen for the first time already finished: no notification.
        var first = ledger.recordAnswer(
                Tasks.task(Tasks.id(1), TaskState.SUCCEEDED, "done before", "GEM", clock.instant(), List.of()),
                "{}",
                clock.instant());
        events.publish(new SyncEvent.TaskChanged(first.before(), first.after()));
        // Task 2 runs, then finishes while the app watches: one notification.
        var running = ledger.recordAnswer(
                Tasks.task(Tasks.id(2), TaskState.RUNNING, "watched", "GEM", clock.instant(), List.of()),
                "{}",
                clock.instant());
        events.publish(new SyncEvent.TaskChanged(running.before(), running.after()));
        var done = ledger.recordAnswer(
                Tasks.task(Tasks.id(2), TaskState.SUCCEEDED, "watched", "GEM", clock.instant(), List.of()),
                "{}",
                clock.instant());
        events.publish(new SyncEvent.TaskChanged(done.before(), done.after()));

        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(StatusViewModel.Notice.Kind.FINISHED);
            assertThat(n.task().id()).isEqualTo(Tasks.id(2));
        });
        vm.close();
    }

    @Test
    void aBulkRemoveIsOneStepAndOneUndoPutsEveryTaskBack() throws Exception {
        for (int n = 1; n <= 3; n++) {
            ledger.recordAnswer(
                    Tasks.task(Tasks.id(n), TaskState.SUCCEEDED, "keep " + n, "GEM", clock.instant(), List.of()),
                    "{\"n\":" + n + "}",
                    clock.instant());
        }
        ledger.curator().rate(List.of(Tasks.id(2)), 5);
        TaskListViewModel vm =
                new TaskListViewModel(desk.ledger(), desk.clock(), desk::wake, desk::say, UiExecutor.IMMEDIATE);
        vm.reload();
        vm.remove(List.of(Tasks.id(1), Tasks.id(2), Tasks.id(3)), () -> {});
        assertThat(vm.items()).isEmpty();
        assertThat(vm.lastRemovedProperty().get()).hasSize(3);
        vm.undoRemove();
        assertThat(vm.items()).hasSize(3);
        assertThat(ledger.find(Tasks.id(2)).orElseThrow().curation().stars())
                .as("stars come back too")
                .isEqualTo(5);
        assertThat(ledger.raw(Tasks.id(3)).latest()).isEqualTo("{\"n\":3}");
    }

    @Test
    void theSidebarFiltersByModelAspectAndResolutionAndOffersWhatTheLibraryHolds() throws Exception {
        GenerationTask wide = Tasks.task(Tasks.id(1), TaskState.SUCCEEDED, "wide", "GEM", clock.instant(), List.of());
        GenerationTask tall = Tasks.task(Tasks.id(2), TaskState.SUCCEEDED, "tall", "Kling", clock.instant(), List.of());
        ledger.recordAnswer(withShape(wide, "16:9", "2K"), "{}", clock.instant());
        ledger.recordAnswer(withShape(tall, "9:16", "1K"), "{}", clock.instant());
        TaskListViewModel list =
                new TaskListViewModel(desk.ledger(), desk.clock(), desk::wake, desk::say, UiExecutor.IMMEDIATE);
        SidebarViewModel sidebar =
                new SidebarViewModel(desk.ledger(), desk::wake, desk::say, UiExecutor.IMMEDIATE, list);
        sidebar.refresh();
        assertThat(sidebar.facetsProperty().get())
                .extracting(f -> f.models(), f -> f.aspectRatios(), f -> f.resolutions())
                .containsExactly(List.of("GEM", "Kling"), List.of("16:9", "9:16"), List.of("1K", "2K"));
        sidebar.aspectProperty().set("9:16");
        assertThat(list.items()).extracting(TaskRecord::id).containsExactly(Tasks.id(2));
        sidebar.aspectProperty().set(null);
        sidebar.resolutionProperty().set("2K");
        assertThat(list.items()).extracting(TaskRecord::id).containsExactly(Tasks.id(1));
        sidebar.modelProperty().set("Kling");
        assertThat(list.items()).as("all filters together").isEmpty();
        list.clearFilters();
        assertThat(list.items()).hasSize(2);
        assertThat(sidebar.resolutionProperty().get()).isNull();
    }

    private static GenerationTask withShape(GenerationTask t, String aspect, String resolution) {
        return t.withOutputConfig(new OutputConfig("Temporary", resolution, aspect, null, null, null, null, null));
    }

    /** The test's desk, with its own sync events to publish into. */
    private Desk deskWith(SyncEvents events) {
        return new Desk(
                ledger,
                null,
                events,
                null,
                null,
                clock,
                dir.resolve("archive"),
                false,
                true,
                PollSchedule.Intervals.DEFAULT);
    }

    private static StatusViewModel statusOf(Desk d) {
        return new StatusViewModel(d.ledger(), d.events(), d, d.clock(), d::say, UiExecutor.IMMEDIATE);
    }
}
