package dev.aigcdesk.library.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.Curation;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryContract;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.testing.Fixtures;
import dev.aigcdesk.testing.Tasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The contract on SQLite, and what only the SQLite engine promises: its file, schema, locks and connections. */
class SqliteLibraryTest extends LibraryContract {

    private Path file;

    @Override
    protected Library openLibrary(Path dir) throws Exception {
        file = dir.resolve("lib/library.db");
        return SqliteLibrary.open(file);
    }

    @Test
    void opensInWalModeWithForeignKeysAndTheCurrentSchema() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("PRAGMA journal_mode");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wal");
            rs = s.executeQuery("PRAGMA user_version");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(Schema.CURRENT);
        }
    }

    @Test
    void secondProcessCanReadAndWriteBesideTheFirst() throws Exception {
        try (Library other = SqliteLibrary.open(file)) {
            other.add(List.of(Tasks.id(7)), NOW);
            ledger.add(List.of(Tasks.id(8)), NOW);
            assertThat(ledger.find(Tasks.id(7))).isPresent();
            assertThat(other.find(Tasks.id(8))).isPresent();
        }
    }

    @Test
    void refusesALibraryFromANewerAppWithoutTouchingIt() throws Exception {
        ledger.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        LibraryException e = catchThrowableOfType(LibraryException.class, () -> SqliteLibrary.open(file));
        assertThat(e.kind()).isEqualTo(LibraryException.Kind.TOO_NEW);
        assertThat(e.getMessage()).contains("newer AIGC Desk").contains("Update");
        ledger = SqliteLibrary.open(dir.resolve("other.db"));
    }

    @Test
    void migratesAnEmptyOldLibraryUp() throws Exception {
        Path old = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 0");
        }
        try (Library l = SqliteLibrary.open(old)) {
            l.add(List.of(Tasks.id(1)), NOW);
            assertThat(l.find(Tasks.id(1))).isPresent();
        }
    }

    @Test
    void garbageFileIsReportedAsDamagedWithWhatToDo() throws Exception {
        Path bad = dir.resolve("bad.db");
        Files.write(
                bad,
                "this is not a database, just some bytes that are long enough to look like a header"
                        .repeat(100)
                        .getBytes());
        LibraryException e = catchThrowableOfType(LibraryException.class, () -> SqliteLibrary.open(bad));
        assertThat(e.kind()).isEqualTo(LibraryException.Kind.CORRUPT);
        assertThat(e.getMessage()).contains("damaged").contains("aigc-desk repair");
    }

    @Test
    void processLockIsExclusive() throws Exception {
        Path lockFile = dir.resolve("sync.lock");
        try (ProcessLock first = ProcessLock.tryAcquire(lockFile).orElseThrow()) {
            assertThat(ProcessLock.tryAcquire(lockFile)).isEmpty();
            assertThat(ProcessLock.holder(lockFile))
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
        try (ProcessLock again = ProcessLock.tryAcquire(lockFile).orElseThrow()) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void answersAReadWhileAWriteTransactionIsOpen() throws Exception {
        ledger.recordAnswer(Tasks.task(Tasks.id(1), TaskState.RUNNING, "read me", "GEM", NOW, List.of()), "{}", NOW);
        // A write transaction open on the file, and the ledger's own writer busy: a UI read must not wait for either.
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = other.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            st.execute("UPDATE task SET last_error = 'writing' WHERE id = '"
                    + Tasks.id(1).value() + "'");
            synchronized (ledger) {
                var read = CompletableFuture.supplyAsync(() -> {
                    try {
                        return ledger.find(Tasks.id(1)).orElseThrow().task().prompt();
                    } catch (LibraryException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo("read me");
                assertThat(ledger.activeCount()).isEqualTo(1);
            }
            st.execute("ROLLBACK");
        }
    }

    @Test
    void rawAnswersAreKeptExactlyButDeflated() throws Exception {
        String raw = Fixtures.read("image_raw_nulls_unknown_keys.json");
        GenerationTask t = Tasks.finishedPng(1, "compact", "GEM", NOW);
        ledger.add(List.of(t.id()), NOW);
        ledger.recordAnswer(t, raw, NOW);

        assertThat(ledger.raw(t.id()).latest()).isEqualTo(raw);
        assertThat(ledger.raw(t.id()).firstFinish()).isEqualTo(raw);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT typeof(raw_latest), length(raw_latest) FROM task")) {
            assertThat(rs.getString(1)).isEqualTo("blob");
            assertThat(rs.getInt(2))
                    .as("deflated: %d bytes for %d characters", rs.getInt(2), raw.length())
                    .isLessThan(raw.length() / 2);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT length(raw_first_finish) FROM task")) {
            assertThat(rs.getInt(1))
                    .as("the first finish is the latest: stored once")
                    .isZero();
        }
        // A later answer replaces the latest; the first finish is still the first one.
        String later = raw.replace("\"RequestId\"", "\"Later\": 1, \"RequestId\"");
        ledger.recordAnswer(t, later, NOW.plusSeconds(60));
        assertThat(ledger.raw(t.id()).latest()).isEqualTo(later);
        assertThat(ledger.raw(t.id()).firstFinish()).isEqualTo(raw);
        ledger.recordAnswer(t, raw, NOW.plusSeconds(120));
        assertThat(ledger.raw(t.id()).firstFinish()).isEqualTo(raw);
        // Removal and Undo carry the answers across, still exact.
        var removed = ledger.removals().remove(t.id()).orElseThrow();
        assertThat(removed.raw().latest()).isEqualTo(raw);
        ledger.removals().restore(removed);
        assertThat(ledger.raw(t.id()).latest()).isEqualTo(raw);
    }

    @Test
    void aLibraryFromTheLastReleaseIsUpgradedInPlaceKeepingEverything() throws Exception {
        ledger.close();
        Path old = dir.resolve("old/library.db");
        Files.createDirectories(old.getParent());
        // The library as release 0.1 left it: schema 1, one task with its answer.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old);
                Statement st = c.createStatement()) {
            Schema.migrate(c, 1);
            st.execute("INSERT INTO task (id, kind, state, added_at, prompt, raw_latest) VALUES ('"
                    + Tasks.id(1).value() + "', 'IMAGE', 'SUCCEEDED', 1, 'kept across the upgrade', '{\"raw\":1}')");
        }
        ledger = SqliteLibrary.open(old);
        TaskRecord r = ledger.find(Tasks.id(1)).orElseThrow();
        assertThat(r.task().prompt()).isEqualTo("kept across the upgrade");
        assertThat(r.curation()).isEqualTo(Curation.NONE);
        assertThat(ledger.raw(Tasks.id(1)).latest()).isEqualTo("{\"raw\":1}");
        assertThat(ledger.curator().rate(List.of(Tasks.id(1)), 3))
                .as("the new columns work")
                .isEmpty();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old);
                Statement st = c.createStatement();
                var rs = st.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(Schema.CURRENT);
        }
    }
}
