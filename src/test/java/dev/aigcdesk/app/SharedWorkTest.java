package dev.aigcdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.aigcdesk.cli.Cli;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.postgres.PostgresLibrary;
import dev.aigcdesk.library.postgres.TeamDatabase;
import dev.aigcdesk.sync.SyncService;
import dev.aigcdesk.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three desktops' real sessions on one team, the service a loopback server that says every task is still
 * running and notes who asked: each task is asked about by one desktop at a time, the work is shared
 * out evenly once all three are seen, and a desktop that closes hands its tasks to the others at once.
 */
class SharedWorkTest {

    private static final String FIXTURE_ID = "1397741205-AigcVideoTask-0a8005f5594bd67041f88c6196192646t";

    @TempDir
    Path dir;

    private TeamDatabase team;
    private HttpServer service;
    /** Who asked about what, in order: "sk-ann 1397741205-…". */
    private final List<String> asked = new CopyOnWriteArrayList<>();

    private final List<Session> sessions = new ArrayList<>();

    @BeforeEach
    void servers() throws Exception {
        team = TestPostgres.shared().newDatabase();
        String body = new String(
                SharedWorkTest.class
                        .getResourceAsStream("/fixtures/video_processing.json")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.setExecutor(Executors.newFixedThreadPool(8));
        service.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            String id = path.substring(path.lastIndexOf('/') + 1);
            asked.add(ex.getRequestHeaders().getFirst("Authorization").replace("Bearer ", "") + " " + id);
            byte[] b = body.replace(FIXTURE_ID, id).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        service.start();
    }

    @AfterEach
    void stop() {
        sessions.forEach(Session::close);
        service.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + service.getAddress().getPort() + "/";
    }

    private Session desktop(String name) throws Exception {
        Path home = dir.resolve(name);
        Map<String, String> env = new HashMap<>(Map.of("AIGC_DESK_HOME", home.toString(), "AIGC_DESK_KEYCHAIN", "off"));
        String address = "postgresql://127.0.0.1:" + team.port() + "/" + team.database() + "?user=" + team.user()
                + "&password=" + team.password();
        int code = new Cli(new Wiring(env, Clock.systemUTC()))
                .run(
                        new String[] {"team", "connect", "--db", address, "--name", name},
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(new ByteArrayOutputStream()));
        assertThat(code).isZero();
        Session s = new Wiring(env, Clock.systemUTC())
                .open(new SessionOptions(base(), "sk-" + name.toLowerCase(), false, home));
        sessions.add(s);
        return s;
    }

    @Test
    void eachTaskIsAskedAboutByOneDesktopAndTheWorkIsSharedOut() throws Exception {
        List<TaskId> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(TaskId.parse(String.format("1397741205-AigcVideoTask-%032xt", i + 1)));
        }
        try (PostgresLibrary adder = PostgresLibrary.open(team, "Ann")) {
            adder.add(ids, Instant.now());
        }
        List<SyncService> desks = new ArrayList<>();
        for (String name : List.of("Ann", "Ben", "Cleo")) {
            desks.add(desktop(name).sync());
        }
        // The first pass of each: Ann, alone yet, takes everything; Ben and Cleo find it all held.
        for (SyncService s : desks) {
            s.runOnce(true);
        }
        assertThat(asked).hasSize(30);
        assertThat(asked).allMatch(a -> a.startsWith("sk-ann "));

        // The second: with three seen, Ann keeps her third and hands back the rest, which Ben and Cleo take.
        asked.clear();
        for (SyncService s : desks) {
            s.runOnce(true);
        }
        Map<String, Set<String>> byDesktop = new ConcurrentHashMap<>();
        for (String a : asked) {
            String[] kv = a.split(" ");
            byDesktop.computeIfAbsent(kv[0], k -> new HashSet<>()).add(kv[1]);
        }
        assertThat(asked).as("each task asked once in the round").hasSize(30);
        assertThat(byDesktop).containsOnlyKeys("sk-ann", "sk-ben", "sk-cleo");
        byDesktop.values().forEach(v -> assertThat(v).hasSize(10));
        Set<String> all = new HashSet<>();
        byDesktop.values().forEach(all::addAll);
        assertThat(all).hasSize(30);

        // Cleo closes her window: her tasks go back at once, and the next passes share them out.
        sessions.get(2).close();
        sessions.remove(2);
        asked.clear();
        desks.get(0).runOnce(true);
        desks.get(1).runOnce(true);
        assertThat(asked.stream().map(a -> a.split(" ")[1]).distinct()).hasSize(30);
        assertThat(asked).hasSize(30).noneMatch(a -> a.startsWith("sk-cleo"));
    }
}
