package dev.aigcdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.download.Hashes;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.library.sqlite.SqliteLibrary;
import dev.aigcdesk.store.folder.FolderHashStore;
import dev.aigcdesk.testing.MutableClock;
import dev.aigcdesk.testing.Tasks;
import dev.aigcdesk.ui.common.UiExecutor;
import dev.aigcdesk.ui.detail.TaskDetailViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team's cache on this desktop under its one cap, on real folders and a real library: thumbnails take at
 * most a quarter (least recently shown go first), copies of the newest files fill the rest, older copies
 * are let go of when newer ones come, and one opened in the last day stays.
 */
class TeamCacheTest {

    private static final int MB = 1024 * 1024;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private Library library;
    private FolderHashStore store;
    private Path copies;
    private Path thumbnails;
    private TeamShelf shelf;
    private final List<Path> copyOf = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        library = SqliteLibrary.open(dir.resolve("library.db"));
        store = new FolderHashStore(Files.createDirectories(dir.resolve("store")));
        copies = dir.resolve("team-files");
        thumbnails = Files.createDirectories(dir.resolve("thumbnails"));
        shelf = new TeamShelf(library, store, new TeamCache(copies, thumbnails, 4L * MB), new SyncEvents(), clock);
        copyOf.add(null); // tasks count from 1
    }

    @AfterEach
    void close() throws Exception {
        shelf.close();
        library.close();
        store.close();
    }

    /** Task n, generated n minutes after the first, its 1 MB picture saved by another desktop and kept in the store. */
    private TaskRecord savedElsewhere(int n) throws Exception {
        Instant made = clock.instant().plus(Duration.ofMinutes(n));
        library.add(List.of(Tasks.id(n)), made);
        library.recordAnswer(
                Tasks.task(
                        Tasks.id(n),
                        TaskState.SUCCEEDED,
                        "p" + n,
                        "GEM",
                        made,
                        List.of(Tasks.file("http://cdn.example/" + n + ".png", made.plus(Duration.ofDays(7))))),
                "{}",
                made);
        byte[] bytes = new byte[MB];
        new Random(n).nextBytes(bytes);
        Path original = Files.write(dir.resolve("original-" + n + ".png"), bytes);
        String hash = Hashes.sha256(original);
        store.put(original, hash, "png");
        Path copy = copies.resolve(hash + ".png");
        library.planArchive(Tasks.id(n), 1, copy, MB, hash, hash, Set.of());
        library.markArchived(Tasks.id(n), 1, made);
        copyOf.add(copy);
        return library.find(Tasks.id(n)).orElseThrow();
    }

    @Test
    void theMostRecentlyWantedFillTheCapAndAnOpenedFileCountsAsWanted() throws Exception {
        // 2 MB of thumbnails shown long ago: trimmed to their quarter of the 4 MB cap.
        for (int i = 0; i < 4; i++) {
            Path t = Files.write(thumbnails.resolve("t" + i + ".png"), new byte[MB / 2]);
            Files.setLastModifiedTime(t, FileTime.from(clock.instant().minus(Duration.ofDays(30 - i))));
        }
        List<TaskRecord> tasks = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            tasks.add(savedElsewhere(n));
        }
        TeamShelf.Pass first = shelf.pass();
        assertThat(first.failed()).isZero();
        assertThat(size(thumbnails)).isLessThanOrEqualTo(MB);
        assertThat(Files.exists(thumbnails.resolve("t3.png")))
                .as("the most recently shown stay")
                .isTrue();
        assertThat(first.fetched()).as("the 3 MB left hold the three newest").isEqualTo(3);
        assertThat(List.of(5, 4, 3)).allMatch(n -> Files.isRegularFile(copyOf.get(n)));
        assertThat(List.of(2, 1)).noneMatch(n -> Files.exists(copyOf.get(n)));

        // An old one opened: it comes at once, whatever the cap, and counts as wanted now.
        clock.advance(Duration.ofHours(2));
        assertThat(shelf.fetch(List.of(tasks.get(0))).fetched()).isEqualTo(1);
        assertThat(Hashes.sha256(copyOf.get(1)))
                .isEqualTo(copyOf.get(1).getFileName().toString().replace(".png", ""));

        // A newer generation comes; the least recently wanted copies go, not the one just opened.
        clock.advance(Duration.ofHours(2));
        savedElsewhere(6);
        shelf.pass();
        assertThat(List.of(6, 1, 5)).allMatch(n -> Files.isRegularFile(copyOf.get(n)));
        assertThat(List.of(4, 3)).noneMatch(n -> Files.exists(copyOf.get(n)));

        // Newer work pushes the opened one out in its turn; the cache never holds more than its cap.
        savedElsewhere(7);
        savedElsewhere(8);
        shelf.pass();
        assertThat(List.of(8, 7, 6)).allMatch(n -> Files.isRegularFile(copyOf.get(n)));
        assertThat(List.of(1, 5)).noneMatch(n -> Files.exists(copyOf.get(n)));
        assertThat(size(copies) + size(thumbnails)).isLessThanOrEqualTo(4L * MB);
    }

    @Test
    void anOpenedTaskWhoseFileIsOnlyInTheStoreIsBroughtHereAndShownWithIt() throws Exception {
        TaskRecord old = savedElsewhere(1);
        assertThat(Files.exists(copyOf.get(1))).isFalse();
        List<SyncEvent> told = new ArrayList<>();
        SyncEvents events = new SyncEvents();
        events.subscribe(told::add);
        TeamShelf opened = new TeamShelf(library, store, new TeamCache(copies, thumbnails, 4L * MB), events, clock);
        TaskDetailViewModel detail = new TaskDetailViewModel(
                library, null, null, opened::bringHere, Throwable::getMessage, UiExecutor.IMMEDIATE);
        detail.show(old.id());
        assertThat(Files.isRegularFile(copyOf.get(1)))
                .as("the copy came when the task was opened")
                .isTrue();
        assertThat(detail.recordProperty().get().files().get(0).localPath()).isEqualTo(copyOf.get(1));
        assertThat(told)
                .anyMatch(e -> e instanceof SyncEvent.FileArchived a && a.path().equals(copyOf.get(1)));

        // A store that lost the file: the detail says so; nothing else is touched.
        TaskRecord gone = savedElsewhere(2);
        Files.walk(dir.resolve("store"))
                .filter(p -> p.getFileName()
                        .toString()
                        .startsWith(copyOf.get(2).getFileName().toString()))
                .forEach(p -> p.toFile().delete());
        TaskDetailViewModel failing = new TaskDetailViewModel(
                library, null, null, opened::bringHere, Throwable::getMessage, UiExecutor.IMMEDIATE);
        failing.show(gone.id());
        assertThat(failing.recordProperty().get()).isNotNull();
        assertThat(failing.messageProperty().get()).contains("The team's store did not give this task's file");
        assertThat(Files.exists(copyOf.get(1))).isTrue();
    }

    private static long size(Path folder) throws Exception {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }
}
