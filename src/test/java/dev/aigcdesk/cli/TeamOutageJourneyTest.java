package dev.aigcdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.cli.StudioDesktops.Run;
import dev.aigcdesk.demo.DemoCatalog;
import dev.aigcdesk.demo.DemoServer;
import dev.aigcdesk.download.Hashes;
import dev.aigcdesk.library.postgres.TeamDatabase;
import dev.aigcdesk.store.s3.S3Location;
import dev.aigcdesk.testing.MutableClock;
import dev.aigcdesk.testing.TestPostgres;
import dev.aigcdesk.testing.TestS3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team's database goes away while a generation runs: the desktop that refreshes goes on asking the
 * service, saves the finished file on its own disk and says so (exit 6); when the database answers again
 * the next sync hands it over, and the file goes to the team's store once. Real PostgreSQL (stopped at
 * once, as a crash would), real S3 server, the service a loopback stand-in on a clock the test moves.
 */
class TeamOutageJourneyTest {

    @TempDir
    Path dir;

    private TestPostgres server;
    private TeamDatabase team;
    private TestS3 s3;
    private S3Location bucket;
    private MutableClock serviceTime;
    private DemoServer service;
    private StudioDesktops desktops;

    @BeforeEach
    void servers() throws Exception {
        server = TestPostgres.shared();
        team = server.newDatabase();
        s3 = new TestS3(Files.createDirectories(dir.resolve("s3")));
        bucket = s3.newBucket("studio-files", "aigc");
        serviceTime = new MutableClock(Instant.now());
        service = new DemoServer(DemoCatalog.standard(), serviceTime).start(0, serviceTime.instant());
        desktops = new StudioDesktops(dir, team, s3, bucket, () -> service.baseUrl());
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        s3.close();
    }

    private List<Path> files(Path root, String suffix) throws Exception {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(suffix))
                    .toList();
        }
    }

    private List<Path> objects() throws Exception {
        return files(
                dir.resolve("s3")
                        .resolve(bucket.bucket())
                        .resolve(bucket.prefix())
                        .resolve("sha256"),
                ".png");
    }

    @Test
    void aGenerationThatFinishesWhileTheDatabaseIsDownIsSavedHereAndHandedToTheTeamAfter() throws Exception {
        assertThat(desktops.connect("Ann").exit()).isZero();
        String id = DemoCatalog.sample("lighthouse").value();
        assertThat(desktops.run("Ann", "add", id).exit()).isZero();
        Run first = desktops.run("Ann", "sync");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("1 task still running");
        Path archive = dir.resolve("Ann").resolve("archive");
        assertThat(files(archive, ".png")).isEmpty();

        server.stopServer();
        Run away;
        try {
            serviceTime.advance(Duration.ofMinutes(2)); // the generation finishes while the team is away
            away = desktops.run("Ann", "sync", "--watch");
            Run list = desktops.run("Ann", "list");
            assertThat(list.exit()).as("commands that need the team say so").isEqualTo(ExitCodes.UNREACHABLE);
        } finally {
            server.startServer();
        }
        assertThat(away.exit()).as(away.out() + away.err()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(away.out()).contains("Saved 1 file").contains("0 tasks still running");
        assertThat(away.err())
                .contains("The team library cannot be reached")
                .contains("Nothing is lost")
                .doesNotContain(team.password());
        List<Path> saved = files(archive, ".png");
        assertThat(saved).as("the file is on Ann's own disk").hasSize(1);
        String hash = Hashes.sha256(saved.get(0));

        Run back = desktops.run("Ann", "sync");
        assertThat(back.exit()).as(back.err()).isZero();
        assertThat(back.out()).contains("Saved 0 files").containsPattern("Team files: 1 sent");
        assertThat(objects()).hasSize(1);
        assertThat(objects().get(0).getFileName().toString()).isEqualTo(hash + ".png");

        // Another desktop sees it finished and saved, once, with Ann's file.
        assertThat(desktops.connect("Ben").exit()).isZero();
        Run show = desktops.run("Ben", "show", id, "--json");
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out()).contains("\"state\":\"succeeded\"").contains(hash);
        Run list = desktops.run("Ben", "list", "--json");
        assertThat(list.out().split(id, -1)).as("the task once").hasSize(2);

        // Nothing doubled: once more, nothing to save or send; the outbox let go of the finished task.
        Run again = desktops.run("Ann", "sync");
        assertThat(again.out()).contains("Saved 0 files").contains("0 sent");
        assertThat(files(archive, ".png")).hasSize(1);
        assertThat(objects()).hasSize(1);
    }

    @Test
    void withNothingKeptHereAndTheDatabaseDownSyncSaysWhyAndLosesNothing() throws Exception {
        assertThat(desktops.connect("Ann").exit()).isZero();
        server.stopServer();
        Run away;
        try {
            away = desktops.run("Ann", "sync");
        } finally {
            server.startServer();
        }
        assertThat(away.exit()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(away.err()).contains("cannot be reached").doesNotContain(team.password());
        assertThat(desktops.run("Ann", "sync").exit()).isZero();
    }
}
