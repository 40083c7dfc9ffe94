package dev.aigcdesk.testing;

import dev.aigcdesk.library.postgres.TeamDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests: Debian's {@code postgresql} package (which {@code .ci/run}
 * and README's test command install), started once per test run on a loopback port with a password,
 * as the {@code postgres} user when the tests run as root (PostgreSQL refuses to run as root). Each
 * test gets a database of its own.
 */
public final class TestPostgres {

    public static final String USER = "desk";
    public static final String PASSWORD = "desk-test-pw";
    private static TestPostgres shared;

    private final Path bin;
    private final Path data;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private TestPostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    /** The server of this test run, started on first use and stopped when the JVM exits. */
    public static synchronized TestPostgres shared() throws Exception {
        if (shared == null) {
            shared = start();
            TestPostgres s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::destroy));
        }
        return shared;
    }

    private static TestPostgres start() throws Exception {
        Path bin = findBin();
        Path data = Files.createTempDirectory("aigc-desk-pg-");
        Path pw = data.resolve("pwfile");
        Files.writeString(pw, PASSWORD + "\n");
        if (root()) {
            run(List.of("chown", "-R", "postgres:postgres", data.toString()));
        }
        Path cluster = data.resolve("cluster");
        asServerUser(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                cluster.toString(),
                "-U",
                USER,
                "--auth=scram-sha-256",
                "--pwfile=" + pw,
                "--encoding=UTF8",
                "--locale=C.UTF-8"));
        TestPostgres pg = new TestPostgres(bin, cluster, freePort());
        pg.startServer();
        return pg;
    }

    /** Starts the server (again, after {@link #stopServer}). */
    public void startServer() throws Exception {
        asServerUser(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-w",
                "-l",
                data.resolveSibling("server.log").toString(),
                "-o",
                // fsync off: the machine does not crash in a test; synchronous_commit stays on, so a server stopped at
                // once loses no commit.
                "-p " + port + " -k " + data.getParent() + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c full_page_writes=off -c max_connections=200",
                "start"));
    }

    /** Stops the server at once, as a crash or a cut network would (connections are dropped). */
    public void stopServer() throws Exception {
        asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
    }

    /** A new, empty database of its own, as a team's address with the password. */
    public TeamDatabase newDatabase() throws Exception {
        String name = "lib" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new TeamDatabase("127.0.0.1", port, name, USER, PASSWORD);
    }

    public int port() {
        return port;
    }

    private void destroy() {
        try {
            stopServer();
        } catch (Exception ignored) {
            // Already stopped.
        }
        try (Stream<Path> all = Files.walk(data.getParent())) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temp folder left behind.
        }
    }

    private static Path findBin() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var found = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(Path::toString));
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new IllegalStateException(
                "The team library's tests need PostgreSQL: sudo apt-get install -y postgresql (README's test command does)");
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void asServerUser(List<String> command) throws Exception {
        List<String> c = new ArrayList<>();
        if (root()) {
            c.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        c.addAll(command);
        run(c);
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("Failed: " + String.join(" ", command) + "\n" + out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
