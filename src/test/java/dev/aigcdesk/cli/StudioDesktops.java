package dev.aigcdesk.cli;

import dev.aigcdesk.app.Wiring;
import dev.aigcdesk.library.postgres.TeamDatabase;
import dev.aigcdesk.store.s3.S3Location;
import dev.aigcdesk.testing.TestS3;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A studio's desktops on the command line: one home each, one team (a real PostgreSQL and S3 server), one service. */
final class StudioDesktops {

    /** What a command did. */
    record Run(int exit, String out, String err) {}

    private final Path homes;
    private final TeamDatabase team;
    private final TestS3 s3;
    private final S3Location bucket;
    private final Supplier<String> service;

    /** @param service the loopback service's base address (asked at each run: a test may start it late) */
    StudioDesktops(Path homes, TeamDatabase team, TestS3 s3, S3Location bucket, Supplier<String> service) {
        this.homes = homes;
        this.team = team;
        this.s3 = s3;
        this.bucket = bucket;
        this.service = service;
    }

    Run run(String desktop, String... args) {
        return runWithSecret(TestS3.SECRET, desktop, args);
    }

    /** As {@link #run}, with these store keys (a wrong secret is a store that refuses this desktop's writes). */
    Run runWithSecret(String secret, String desktop, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("AIGC_DESK_HOME", homes.resolve(desktop).toString());
        env.put("AIGC_DESK_KEYCHAIN", "off");
        env.put("AWS_ACCESS_KEY_ID", TestS3.ACCESS);
        env.put("AWS_SECRET_ACCESS_KEY", secret);
        List<String> all = new ArrayList<>(List.of("--api-base", service.get(), "--api-key", "sk-studio"));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new Wiring(env, Clock.systemUTC()))
                .run(
                        all.toArray(String[]::new),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** `team connect` for this desktop, by its name, to the team's database and store. */
    Run connect(String desktop) {
        return run(
                desktop,
                "team",
                "connect",
                "--db",
                "postgresql://127.0.0.1:" + team.port() + "/" + team.database() + "?user=desk&password="
                        + team.password(),
                "--store",
                "s3://" + bucket.bucket() + "/" + bucket.prefix(),
                "--endpoint",
                s3.endpoint().toString(),
                "--path-style",
                "--name",
                desktop);
    }
}
