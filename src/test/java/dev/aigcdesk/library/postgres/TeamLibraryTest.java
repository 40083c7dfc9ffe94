package dev.aigcdesk.library.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryEvent;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.testing.Tasks;
import dev.aigcdesk.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two desktops on one team library, each with its own connections, as two machines would be. */
class TeamLibraryTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private TeamDatabase team;
    private PostgresLibrary ann;
    private PostgresLibrary ben;

    @BeforeEach
    void open() throws Exception {
        team = TestPostgres.shared().newDatabase();
        ann = PostgresLibrary.open(team, "Ann");
        ben = PostgresLibrary.open(team, "Ben");
    }

    @AfterEach
    void close() {
        ann.close();
        ben.close();
    }

    @Test
    void whatOneDesktopAddsTheOtherHearsOfWithinTwoSecondsWithoutAskingAndNotTwice() throws Exception {
        List<LibraryEvent> heardByBen = new CopyOnWriteArrayList<>();
        List<LibraryEvent> heardByAnn = new CopyOnWriteArrayList<>();
        CountDownLatch answered = new CountDownLatch(1);
        ben.onChange(e -> {
            heardByBen.add(e);
            if (e.kind() == LibraryEvent.Kind.ANSWERED) {
                answered.countDown();
            }
        });
        ann.onChange(heardByAnn::add);

        long start = System.nanoTime();
        ann.add(List.of(Tasks.id(1)), NOW);
        ann.recordAnswer(Tasks.finishedPng(1, "a lighthouse at dusk", "GEM", NOW), "{}", NOW);
        assertThat(answered.await(2, TimeUnit.SECONDS))
                .as("Ben hears of Ann's change within 2 s")
                .isTrue();
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(heardByBen)
                .extracting(LibraryEvent::kind)
                .containsExactly(LibraryEvent.Kind.ADDED, LibraryEvent.Kind.ANSWERED);
        assertThat(heardByBen.get(0).ids()).containsExactly(Tasks.id(1));
        assertThat(ben.find(Tasks.id(1)).map(r -> r.task().prompt())).contains("a lighthouse at dusk");
        assertThat(heardByAnn)
                .as("Ann hears her own changes once, not again from the server")
                .hasSize(2);
        assertThat(tookMs).isLessThan(2000);
    }

    @Test
    void tagsAddedOnTwoDesktopsAtOnceAreBothKept() throws Exception {
        ann.add(List.of(Tasks.id(1)), NOW);
        for (int round = 0; round < 10; round++) {
            String a = "ann-" + round;
            String b = "ben-" + round;
            CompletableFuture<List<?>> byAnn = CompletableFuture.supplyAsync(() ->
                    call(() -> ann.curator().tag(List.of(Tasks.id(1)), List.of(a, "shared"), List.of())));
            CompletableFuture<List<?>> byBen = CompletableFuture.supplyAsync(() ->
                    call(() -> ben.curator().tag(List.of(Tasks.id(1)), List.of(b, "Shared"), List.of())));
            byAnn.get(10, TimeUnit.SECONDS);
            byBen.get(10, TimeUnit.SECONDS);
        }
        TaskRecord r = ben.find(Tasks.id(1)).orElseThrow();
        assertThat(r.curation().tags()).hasSize(21).contains("ann-0", "ben-9");
        assertThat(r.curation().tags().stream().filter(t -> t.equalsIgnoreCase("shared")))
                .hasSize(1);
    }

    @Test
    void eachTaskIsWorkedOnByOneDesktopAtATimeSharedFairlyAndTakenOverWhenADesktopDies() throws Exception {
        List<TaskId> ids = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            ids.add(Tasks.id(n));
        }
        ann.add(ids, NOW);
        for (TaskId id : ids) {
            ann.recordAnswer(Tasks.task(id, TaskState.RUNNING, "p", "GEM", NOW, List.of()), "{}", NOW);
        }
        Duration lease = Duration.ofSeconds(2);
        assertThat(ann.claimWork(lease).active()).as("alone, Ann takes all").hasSize(10);
        Library.Work bensFirst = ben.claimWork(lease);
        assertThat(bensFirst.active()).as("Ben takes nothing Ann holds").isEmpty();
        assertThat(bensFirst.refreshers()).isEqualTo(2);
        Library.Work annsShare = ann.claimWork(lease);
        Library.Work bensShare = ben.claimWork(lease);
        assertThat(annsShare.active()).hasSize(5);
        assertThat(bensShare.active()).hasSize(5);
        Set<TaskId> both = new HashSet<>();
        annsShare.active().forEach(r -> both.add(r.id()));
        bensShare
                .active()
                .forEach(r ->
                        assertThat(both.add(r.id())).as("one desktop at a time").isTrue());
        assertThat(both).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(ben.syncLockHolder()).isEqualTo("Ann (5 tasks), Ben (5 tasks)");

        // Ann's desktop dies without a word: her leases lapse, and Ben's next claim takes her tasks.
        Thread.sleep(lease.toMillis() + 300);
        assertThat(ben.claimWork(lease).active()).hasSize(10);
        assertThat(ben.syncLockHolder()).isEqualTo("Ben (10 tasks)");
        // A desktop that closes hands its tasks back at once.
        ben.tryLockSync().orElseThrow().close();
        assertThat(ann.claimWork(lease).active()).hasSize(10);
    }

    @Test
    void anUpgradedDatabaseIsOpenedAsItIsAndANewerOneIsRefusedUntouched() throws Exception {
        ann.add(List.of(Tasks.id(5)), NOW);
        try (PostgresLibrary again = PostgresLibrary.open(team, "Cleo")) {
            assertThat(again.find(Tasks.id(5))).isPresent();
        }
        try (var c = PostgresLibrary.connect(team, "test");
                var s = c.createStatement()) {
            s.execute("INSERT INTO schema_version (version) VALUES (" + (PgSchema.CURRENT + 1) + ")");
        }
        assertThatThrownBy(() -> PostgresLibrary.open(team, "Dan"))
                .isInstanceOf(LibraryException.class)
                .hasMessageContaining("newer AIGC Desk")
                .satisfies(e -> assertThat(((LibraryException) e).kind()).isEqualTo(LibraryException.Kind.TOO_NEW));
        assertThat(ann.find(Tasks.id(5))).isPresent();
    }

    @Test
    void aTeamDatabaseMadeByTheFirstReleaseIsUpgradedInPlaceKeepingItsTasks() throws Exception {
        TeamDatabase old = TestPostgres.shared().newDatabase();
        try (var c = PostgresLibrary.connect(old, "old release");
                var s = c.createStatement()) {
            PgSchema.migrate(c, old.shown(), 1);
            s.execute("INSERT INTO task (id, kind, state, added_at, stars) VALUES ('"
                    + Tasks.id(9).value() + "', 'IMAGE', 'UNKNOWN', 1, 3)");
            assertThat(PgSchema.version(c)).isEqualTo(1);
        }
        try (PostgresLibrary upgraded = PostgresLibrary.open(old, "Ann")) {
            TaskRecord r = upgraded.find(Tasks.id(9)).orElseThrow();
            assertThat(r.curation().stars()).isEqualTo(3);
            assertThat(r.authors().addedBy())
                    .as("unknown before the team knew who")
                    .isNull();
            upgraded.curator().rate(List.of(Tasks.id(9)), 5);
            assertThat(upgraded.find(Tasks.id(9)).orElseThrow().authors().starsBy())
                    .isEqualTo("Ann");
        }
        try (var c = PostgresLibrary.connect(old, "check")) {
            assertThat(PgSchema.version(c)).isEqualTo(PgSchema.CURRENT);
        }
    }

    @Test
    void starsAreTheLastWritersWithWhoAndWhenAndTagsSayWhoPutThemOn() throws Exception {
        ann.add(List.of(Tasks.id(1)), NOW);
        ann.curator().rate(List.of(Tasks.id(1)), 2);
        ben.curator().rate(List.of(Tasks.id(1)), 5);
        ann.curator().tag(List.of(Tasks.id(1)), List.of("moody"), List.of());
        ben.curator().addToCollection("Client picks", List.of(Tasks.id(1)));
        TaskRecord r = ann.find(Tasks.id(1)).orElseThrow();
        assertThat(r.curation().stars()).isEqualTo(5);
        assertThat(r.authors().addedBy()).isEqualTo("Ann");
        assertThat(r.authors().starsBy()).isEqualTo("Ben");
        assertThat(r.authors().starsAt()).isNotNull();
        assertThat(r.authors().tags()).containsEntry("moody", "Ann");
        assertThat(r.authors().collections()).containsEntry("Client picks", "Ben");
        assertThat(ann.list(TaskQuery.ALL).get(0).authors()).isEqualTo(r.authors());
    }

    @Test
    void aServerThatStopsAndStartsAgainIsSaidPlainlyThenServesTheSameDesktopsWithNothingLost() throws Exception {
        ann.add(List.of(Tasks.id(1)), NOW);
        CountDownLatch caughtUp = new CountDownLatch(1);
        CountDownLatch curated = new CountDownLatch(1);
        ben.onChange(e -> {
            if (e.kind() == LibraryEvent.Kind.BACK) {
                caughtUp.countDown(); // "anything may have changed": the feed is back
            }
            if (e.kind() == LibraryEvent.Kind.CURATED) {
                curated.countDown();
            }
        });
        TestPostgres server = TestPostgres.shared();
        server.stopServer();
        try {
            assertThatThrownBy(() -> ann.add(List.of(Tasks.id(2)), NOW))
                    .isInstanceOf(LibraryException.class)
                    .hasMessageContaining("cannot be reached")
                    .hasMessageContaining("Nothing is lost")
                    .satisfies(e ->
                            assertThat(((LibraryException) e).kind()).isEqualTo(LibraryException.Kind.UNREACHABLE));
            assertThatThrownBy(() -> ben.find(Tasks.id(1))).isInstanceOf(LibraryException.class);
        } finally {
            server.startServer();
        }
        ann.add(List.of(Tasks.id(2)), NOW);
        assertThat(ben.find(Tasks.id(2)))
                .as("the same desktop objects work again")
                .isPresent();
        assertThat(ben.find(Tasks.id(1))).as("what was kept before is kept").isPresent();
        assertThat(caughtUp.await(15, TimeUnit.SECONDS))
                .as("Ben's feed comes back and says so")
                .isTrue();
        ann.curator().tag(List.of(Tasks.id(2)), List.of("after-restart"), List.of());
        assertThat(curated.await(5, TimeUnit.SECONDS))
                .as("and hears Ann's changes again")
                .isTrue();
    }

    @Test
    void aWrongPasswordOrADeadServerIsSaidPlainlyWithoutThePassword() throws Exception {
        TeamDatabase wrong = team.withPassword("not-the-password");
        assertThatThrownBy(() -> PostgresLibrary.open(wrong, "Eve"))
                .isInstanceOf(LibraryException.class)
                .hasMessageContaining("refused the user name or password")
                .hasMessageNotContaining("not-the-password")
                .satisfies(e -> assertThat(((LibraryException) e).kind()).isEqualTo(LibraryException.Kind.UNREACHABLE));

        TeamDatabase nowhere = new TeamDatabase("127.0.0.1", 1, "lib", "desk", "secret-pw");
        assertThatThrownBy(() -> PostgresLibrary.open(nowhere, "Eve"))
                .isInstanceOf(LibraryException.class)
                .hasMessageContaining("cannot be reached")
                .hasMessageContaining("postgresql://127.0.0.1:1/lib")
                .hasMessageNotContaining("secret-pw");
    }

    @Test
    void addressesAreReadAsStudiosWriteThemAndHostileOnesAreRefused() {
        TeamDatabase t = TeamDatabase.parse("postgresql://db.studio:6543/aigc?user=desk&password=p%40ss");
        assertThat(t).isEqualTo(new TeamDatabase("db.studio", 6543, "aigc", "desk", "p@ss"));
        assertThat(t.shown())
                .isEqualTo("postgresql://db.studio:6543/aigc?user=desk")
                .doesNotContain("p@ss");
        assertThat(t.toString()).doesNotContain("p@ss");
        assertThat(TeamDatabase.parse("jdbc:postgresql://h/d?user=u").port()).isEqualTo(5432);
        assertThat(TeamDatabase.parse("postgres://u:pw@h:1/d").password()).isEqualTo("pw");
        for (String bad : List.of(
                "", "mysql://h/d", "postgresql:///d", "postgresql://h/", "http://evil/?x", "postgresql://h d/x")) {
            assertThatThrownBy(() -> TeamDatabase.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("postgresql://");
        }
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    private static <T> T call(Call<T> c) {
        try {
            return c.run();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
