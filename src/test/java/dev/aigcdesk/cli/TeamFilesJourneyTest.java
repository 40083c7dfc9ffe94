package dev.aigcdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.cli.StudioDesktops.Run;
import dev.aigcdesk.demo.DemoCatalog;
import dev.aigcdesk.demo.DemoServer;
import dev.aigcdesk.download.Hashes;
import dev.aigcdesk.library.postgres.TeamDatabase;
import dev.aigcdesk.store.HashStore;
import dev.aigcdesk.store.s3.S3Location;
import dev.aigcdesk.testing.TestPostgres;
import dev.aigcdesk.testing.TestS3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A studio's journey on the command line: two desktops on one team (a real PostgreSQL and a real S3
 * server), the service a loopback stand-in. Ann saves; the files go to the bucket once; Ben exports
 * them from there, verified; a desktop's own library is pushed in, twice.
 */
class TeamFilesJourneyTest {

    @TempDir
    Path dir;

    private TeamDatabase team;
    private TestS3 s3;
    private S3Location bucket;
    private DemoServer service;
    private StudioDesktops desktops;

    @BeforeEach
    void servers() throws Exception {
        team = TestPostgres.shared().newDatabase();
        s3 = new TestS3(Files.createDirectories(dir.resolve("s3")));
        bucket = s3.newBucket("studio-files", "aigc");
        service = new DemoServer(DemoCatalog.standard(), Clock.systemUTC()).start(0);
        desktops = new StudioDesktops(dir, team, s3, bucket, () -> service.baseUrl());
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        s3.close();
    }

    /** Samples the loopback service finished long ago (a sync saves them at once, without waiting for a run). */
    private static List<String> finished(int n) {
        return Stream.of("red-panda", "kitchen-icons", "ramen")
                .limit(n)
                .map(name -> DemoCatalog.sample(name).value())
                .toList();
    }

    private List<Path> objects() throws Exception {
        Path root = dir.resolve("s3")
                .resolve(bucket.bucket())
                .resolve(bucket.prefix())
                .resolve("sha256");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            // The connection check's small text file aside, the outputs.
            return all.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().endsWith(".txt"))
                    .toList();
        }
    }

    @Test
    void annSavesOnceIntoTheBucketAndBenExportsVerifiedCopies() throws Exception {
        Run a = desktops.connect("Ann");
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.out()).contains("files are kept once in s3://studio-files/aigc at " + s3.endpoint());
        assertThat(desktops.connect("Ben").exit()).isZero();

        List<String> ids = finished(3);
        List<String> add = new ArrayList<>(List.of("add"));
        add.addAll(ids);
        assertThat(desktops.run("Ann", add.toArray(String[]::new)).exit()).isZero();
        Run sync = desktops.run("Ann", "sync", "--watch");
        assertThat(sync.out()).contains("Team files:").contains("sent to s3://studio-files/aigc");
        List<Path> stored = objects();
        assertThat(stored)
                .as("every saved file is in the bucket, named by its hash")
                .isNotEmpty();
        for (Path o : stored) {
            String name = o.getFileName().toString();
            assertThat(Hashes.sha256(o)).isEqualTo(name.substring(0, name.indexOf('.')));
        }

        // Ben never downloaded from the service: his export comes from the bucket, each file checked.
        Path out = dir.resolve("ben-export");
        Run export = desktops.run("Ben", "export", "--format", "files", "--out", out.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            List<Path> got = files.filter(p -> !p.toString().endsWith(".json")).toList();
            assertThat(got).hasSameSizeAs(stored);
            for (Path p : got) {
                assertThat(stored.stream().map(o -> o.getFileName().toString())).anyMatch(n -> {
                    try {
                        return n.startsWith(Hashes.sha256(p));
                    } catch (Exception e) {
                        return false;
                    }
                });
            }
        }

        // The same bytes saved again (a second sync) are not kept twice.
        desktops.run("Ann", "sync");
        assertThat(objects()).hasSameSizeAs(stored);
    }

    @Test
    void aStoreThatRefusesWritesCostsNothingAndTheNextSyncSendsWhatWaited() throws Exception {
        assertThat(desktops.connect("Ann").exit()).isZero();
        List<String> add = new ArrayList<>(List.of("add"));
        add.addAll(finished(2));
        assertThat(desktops.run("Ann", add.toArray(String[]::new)).exit()).isZero();

        Run refused = desktops.runWithSecret("revoked-secret", "Ann", "sync", "--watch");
        assertThat(refused.exit()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(refused.out()).contains("Saved ").doesNotContain("Saved 0 files");
        assertThat(refused.err())
                .contains("not yet in the team's store")
                .contains("refused")
                .contains("Nothing is lost")
                .doesNotContain("revoked-secret");
        assertThat(objects()).as("nothing went up").isEmpty();

        Run later = desktops.run("Ann", "sync");
        assertThat(later.exit()).as(later.err()).isZero();
        assertThat(later.out()).containsPattern("Team files: [1-9]\\d* sent");
        assertThat(objects()).isNotEmpty();
    }

    @Test
    void twoDesktopsSyncingAtOnceRefreshTheTeamOnceAndKeepEachFileOnce() throws Exception {
        assertThat(desktops.connect("Ann").exit()).isZero();
        assertThat(desktops.connect("Ben").exit()).isZero();
        List<String> ids = finished(3);
        List<String> add = new ArrayList<>(List.of("add"));
        add.addAll(ids);
        assertThat(desktops.run("Ann", add.toArray(String[]::new)).exit()).isZero();

        var a = CompletableFuture.supplyAsync(() -> desktops.run("Ann", "sync", "--watch"));
        var b = CompletableFuture.supplyAsync(() -> desktops.run("Ben", "sync", "--watch"));
        Run ra = a.get(120, TimeUnit.SECONDS);
        Run rb = b.get(120, TimeUnit.SECONDS);
        for (Run r : List.of(ra, rb)) {
            // Both work: each on the tasks it leased, none twice.
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
        }
        // The team has every task once, answered, and each file once in the bucket.
        Run list = desktops.run("Ben", "list", "--json");
        for (String id : ids) {
            assertThat(list.out().split(id, -1)).as(id + " once").hasSize(2);
        }
        List<Path> stored = objects();
        assertThat(stored).isNotEmpty();
        assertThat(stored.stream().map(p -> p.getFileName().toString()).distinct())
                .hasSameSizeAs(stored);
        Run again = desktops.run("Ben", "sync");
        assertThat(again.out()).contains("Saved 0 files").contains("0 sent");
        assertThat(objects()).hasSameSizeAs(stored);
    }

    @Test
    void aDesktopsOwnLibraryIsPushedIntoTheTeamAndPushingAgainChangesNothing() throws Exception {
        List<String> ids = finished(2);
        assertThat(desktops.run("Cleo", "add", ids.get(0), ids.get(1)).exit()).isZero();
        assertThat(desktops.run("Cleo", "sync", "--watch").exit()).isZero();
        assertThat(desktops.run("Cleo", "tag", ids.get(0), "--add", "keeper").exit())
                .isZero();
        assertThat(desktops.run("Cleo", "rate", ids.get(0), "--stars", "5").exit())
                .isZero();

        assertThat(desktops.connect("Cleo").exit()).isZero();
        assertThat(desktops.connect("Dan").exit()).isZero();
        assertThat(desktops.run("Dan", "add", ids.get(1)).exit()).isZero();
        assertThat(desktops.run("Dan", "tag", ids.get(1), "--add", "dan-likes").exit())
                .isZero();

        Run push = desktops.run("Cleo", "team", "push");
        assertThat(push.exit()).as(push.err()).isZero();
        // Dan's copy of the second task was never answered: Cleo's answer and saved file come with the push.
        assertThat(push.out()).contains("Pushed: 1 task added to the team, 1 merged");
        int files = objects().size();
        assertThat(files).isPositive();

        Run again = desktops.run("Cleo", "team", "push");
        assertThat(again.out()).contains("Pushed: 0 tasks added to the team, 0 merged, 0 files sent");
        assertThat(objects()).hasSize(files);

        Run list = desktops.run("Dan", "show", ids.get(0), "--json");
        assertThat(list.out()).contains("\"stars\":5").contains("keeper").contains("\"state\":\"succeeded\"");
        Run dans = desktops.run("Dan", "show", ids.get(1), "--json");
        assertThat(dans.out()).contains("dan-likes").contains("\"state\":\"succeeded\"");
        assertThat(HashStore.keyOf("a".repeat(64), "png")).startsWith("sha256/");
    }

    @Test
    void repairOnATeamBringsBackWhatThisDesktopsFilesHoldAndTheTeamLost() throws Exception {
        assertThat(desktops.connect("Ann").exit()).isZero();
        assertThat(desktops.connect("Ben").exit()).isZero();
        List<String> ids = finished(2);
        assertThat(desktops.run("Ann", "add", ids.get(0), ids.get(1)).exit()).isZero();
        assertThat(desktops.run("Ann", "sync", "--watch").exit()).isZero();
        // The team loses a task (removed by mistake) and the record of a saved file (an old backup restored).
        assertThat(desktops.run("Ben", "remove", ids.get(0)).exit()).isZero();
        try (var c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + team.port() + "/" + team.database(), "desk", team.password());
                var s = c.prepareStatement(
                        "UPDATE output_file SET archive_state = 'EXPIRED' WHERE task_id = ? AND n = 1")) {
            s.setString(1, ids.get(1));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }

        Run repair = desktops.run("Ann", "repair");
        assertThat(repair.exit()).as(repair.err()).isZero();
        assertThat(repair.out())
                .contains("Brought back 1 task the team library had lost (1 from the files here")
                .contains("re-linked 2 files")
                .contains("Nothing was removed");
        Run show = desktops.run("Ben", "show", ids.get(0), "--json");
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out()).contains("\"state\":\"succeeded\"").contains("\"archive\":\"archived\"");
        assertThat(desktops.run("Ben", "show", ids.get(1), "--json").out()).doesNotContain("\"archive\":\"expired\"");

        Run again = desktops.run("Ann", "repair");
        assertThat(again.out())
                .as("running it again changes nothing")
                .contains("Brought back 0 tasks")
                .contains("re-linked 0 files");
    }
}
