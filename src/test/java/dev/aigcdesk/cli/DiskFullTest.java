package dev.aigcdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aigcdesk.api.SavedAnswer;
import dev.aigcdesk.app.Wiring;
import dev.aigcdesk.config.Settings;
import dev.aigcdesk.config.SettingsStore;
import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.Catalog;
import dev.aigcdesk.domain.Problem;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.sqlite.SqliteLibrary;
import dev.aigcdesk.testing.FaultServer;
import dev.aigcdesk.testing.Fixtures;
import dev.aigcdesk.ui.common.ErrorWords;
import dev.aigcdesk.ui.common.I18n;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A really full disk: a 640 KiB tmpfs (mounting needs root, as on CI and the developers' machines;
 * elsewhere these tests are skipped). The user is told "disk full", and nothing already kept is lost.
 */
class DiskFullTest {

    @TempDir
    Path dir;

    private Path tiny;

    @BeforeEach
    void mount() throws Exception {
        tiny = dir.resolve("tiny");
        Files.createDirectories(tiny);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=640k", "tmpfs", tiny.toString())
                .redirectErrorStream(true)
                .start();
        boolean mounted = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        assumeTrue(mounted, "mounting a small tmpfs needs root");
    }

    @AfterEach
    void unmount() throws Exception {
        new ProcessBuilder("umount", tiny.toString()).start().waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void aFullDiskUnderTheLibraryIsSaidAsSuchAndKeepsWhatWasCommitted() throws Exception {
        Path db = tiny.resolve("library.db");
        String raw = Fixtures.read("image_finish_single.json");
        List<TaskId> kept = new ArrayList<>();
        LibraryException full = null;
        try (Library ledger = SqliteLibrary.open(db)) {
            for (int i = 0; i < 10_000 && full == null; i++) {
                TaskId id = TaskId.parse(String.format("1397741205-AigcImageTask-%032xt", i + 1));
                String answer = raw.replace("1397741205-AigcImageTask-96a3be3cf272e017046d1b2674a52bd3t", id.value())
                        .replace("watercolor", "watercolor " + "padding ".repeat(200));
                try {
                    ledger.recordAnswer(SavedAnswer.parse(id, answer), answer, Instant.now());
                    kept.add(id);
                } catch (LibraryException e) {
                    full = e;
                }
            }
        }
        assertThat(full).as("the disk filled up").isNotNull();
        assertThat(full.getMessage())
                .as("said plainly, not masked by the rollback")
                .contains("full");
        assertThat(new ErrorWords(new I18n(Locale.SIMPLIFIED_CHINESE)).say(full))
                .as("and in the window's language")
                .contains("磁盘已满");
        assertThat(kept).isNotEmpty();
        try (Library ledger = SqliteLibrary.open(db)) {
            assertThat(ledger.find(kept.get(kept.size() - 1)))
                    .as("every committed answer is still there")
                    .isPresent();
        }
    }

    @Test
    void aFullArchiveDiskFailsTheSyncWithDiskFullAndKeepsTheFilesPending() throws Exception {
        Path home = dir.resolve("home");
        new SettingsStore(home.resolve("config")).save(Settings.DEFAULTS.withArchiveFolder(tiny.resolve("archive")));
        Files.write(tiny.resolve("filler"), new byte[600 * 1024]);
        try (FaultServer server = new FaultServer(Set.of())) {
            Wiring wiring = new Wiring(
                    Map.of("AIGC_DESK_HOME", home.toString(), "AIGC_DESK_KEYCHAIN", "off"), Clock.systemUTC());
            List<String> add = new ArrayList<>(List.of("--api-base", server.baseUrl(), "--api-key", "k", "add"));
            add.addAll(server.tasks().keySet());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
            new Cli(wiring).run(add.toArray(String[]::new), o, e);
            int code =
                    new Cli(wiring).run(new String[] {"--api-base", server.baseUrl(), "--api-key", "k", "sync"}, o, e);
            String said = err.toString(StandardCharsets.UTF_8);
            assertThat(code).as(said).isEqualTo(ExitCodes.STORAGE);
            assertThat(said)
                    .contains("Cannot save into the archive")
                    .containsAnyOf("disk is full", "Not enough disk space")
                    .contains(tiny.toString());
            try (Library ledger = SqliteLibrary.open(home.resolve("data").resolve(SqliteLibrary.FILE_NAME))) {
                // Nothing given up: what fit was saved (the order of the files varies with the answers' times), the
                // rest waits for space.
                List<FileRecord> all = new ArrayList<>();
                for (String id : server.tasks().keySet()) {
                    all.addAll(ledger.find(TaskId.parse(id)).orElseThrow().files());
                }
                assertThat(all)
                        .hasSize(6)
                        .allSatisfy(f -> assertThat(f.state()).isIn(ArchiveState.ARCHIVED, ArchiveState.PENDING));
                assertThat(ledger.filesToArchiveCount())
                        .as("the 200 KB video cannot fit in 40 KiB: it waits")
                        .isPositive();
                // Kept as a code and the folder, so the window says it in its own language.
                String stored = ledger.filesToArchive().stream()
                        .map(f -> f.lastError())
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElseThrow();
                assertThat(Problem.decode(stored))
                        .hasValueSatisfying(p -> assertThat(p.key()).isEqualTo("download.storage.full"));
                assertThat(new Catalog(Locale.SIMPLIFIED_CHINESE).problem(stored))
                        .startsWith("磁盘已满")
                        .contains(tiny.toString());
                assertThat(Catalog.english().problem(stored)).startsWith("The disk is full");
            }
        }
    }
}
