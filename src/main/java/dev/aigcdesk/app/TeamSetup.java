package dev.aigcdesk.app;

import dev.aigcdesk.config.ApiKeyStore;
import dev.aigcdesk.config.TeamConnection;
import dev.aigcdesk.download.Hashes;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.postgres.PostgresLibrary;
import dev.aigcdesk.library.postgres.TeamDatabase;
import dev.aigcdesk.library.sqlite.SqliteLibrary;
import dev.aigcdesk.store.HashStore;
import dev.aigcdesk.store.s3.S3HashStore;
import dev.aigcdesk.store.s3.S3Location;
import dev.aigcdesk.sync.LibraryPush;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Connecting this desktop to a team library and back: checks that the database answers (upgrading its
 * schema) and that the store takes and gives back a file, then keeps the addresses in the config folder
 * and the secrets apart (keychain or a private file, like the API key). The next session opens the team
 * library; disconnecting leaves the local library as it was.
 */
public final class TeamSetup {

    /** What {@code team status} says. */
    public record Status(
            boolean connected,
            String database,
            String store,
            String desktop,
            boolean reachable,
            String problem,
            int tasks,
            List<String> desktopsOpen,
            String refreshedBy) {}

    /** The store's keys: from the standard AWS variables, or as entered once and kept. */
    public record StoreKeys(String access, String secret) {
        @Override
        public String toString() {
            return "StoreKeys[" + access + ", secret hidden]";
        }
    }

    /** A team database, who this desktop is to it, and the team's store (or null). */
    record Team(TeamDatabase database, String desktop, S3Location store, StoreKeys keys, long copiesBytes) {}

    private static final byte[] PROBE =
            "AIGC Desk checks that the team's store keeps and gives back a file.".getBytes(StandardCharsets.UTF_8);

    private final Path config;
    private final Path cache;
    private final ApiKeyStore passwords;
    private final ApiKeyStore storeKeys;
    private final Map<String, String> env;
    private final String localLibrary;

    TeamSetup(Path config, Path cache, boolean keychain, Map<String, String> env, String localLibrary) {
        this.config = config;
        this.cache = cache;
        this.passwords = ApiKeyStore.teamPassword(config, keychain);
        this.storeKeys = ApiKeyStore.teamStoreKeys(config, keychain);
        this.env = Map.copyOf(env);
        this.localLibrary = localLibrary;
    }

    /** The saved team, with its secrets, if this desktop is connected to one. */
    Optional<Team> saved() throws IOException {
        Optional<TeamConnection> c = TeamConnection.load(config);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        TeamConnection t = c.get();
        TeamDatabase db =
                TeamDatabase.parse(t.database()).withPassword(passwords.load().orElse(null));
        S3Location store =
                t.store() == null ? null : S3Location.parse(t.store(), t.endpoint(), t.region(), t.pathStyle());
        return Optional.of(new Team(db, t.desktop(), store, keys(null), t.copiesBytes()));
    }

    /** The store's keys: the environment's first, else the kept ones, else {@code given}. */
    private StoreKeys keys(StoreKeys given) {
        String a = env.get("AWS_ACCESS_KEY_ID");
        String s = env.get("AWS_SECRET_ACCESS_KEY");
        if (a != null && !a.isBlank() && s != null && !s.isBlank()) {
            return new StoreKeys(a.strip(), s.strip());
        }
        if (given != null) {
            return given;
        }
        return storeKeys
                .load()
                .map(v -> v.split("\n", 2))
                .filter(p -> p.length == 2)
                .map(p -> new StoreKeys(p[0], p[1]))
                .orElse(null);
    }

    /** The team's store, opened for this desktop (its unfinished uploads kept in the cache folder). */
    static HashStore openStore(Team t, Path cache) throws IOException {
        if (t.keys() == null) {
            throw new IOException("No keys for the team's store " + t.store().shown()
                    + ": set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or enter them in Settings → Team library");
        }
        return new S3HashStore(t.store(), t.keys().access(), t.keys().secret(), cache.resolve("team-uploads"));
    }

    /**
     * What connecting asks for.
     *
     * @param address  {@code postgresql://HOST:PORT/DB?user=U[&password=P]}
     * @param password the database password when not in the address (from the environment or Settings), or null
     * @param desktop  the name this desktop goes by, or null for the OS user's
     * @param store    {@code s3://BUCKET[/PREFIX]}, or null for no shared store
     * @param keys     the store's keys when not in the environment, or null
     * @param copiesGb how much of the others' files this desktop keeps a copy of, in GB (0: the default, 10)
     */
    public record Request(
            String address,
            String password,
            String desktop,
            String store,
            String endpoint,
            String region,
            boolean pathStyle,
            StoreKeys keys,
            int copiesGb) {

        public Request(String address, String password, String desktop) {
            this(address, password, desktop, null, null, null, false, null, 0);
        }
    }

    /**
     * Connects: the database must answer and take this desktop, and the store (if given) must keep and
     * give back a file, before anything is saved.
     */
    public Status connect(Request r) throws IOException, LibraryException {
        String address = r.address();
        String password = r.password();
        String desktop = r.desktop();
        String store = r.store();
        String endpoint = r.endpoint();
        String region = r.region();
        boolean pathStyle = r.pathStyle();
        StoreKeys keys = r.keys();
        TeamDatabase db = TeamDatabase.parse(address);
        if (db.password() == null && password != null) {
            db = db.withPassword(password);
        }
        String name =
                desktop == null || desktop.isBlank() ? System.getProperty("user.name", "desktop") : desktop.strip();
        S3Location where = store == null ? null : S3Location.parse(store, endpoint, region, pathStyle);
        StoreKeys k = where == null ? null : keys(keys);
        Status s;
        try (PostgresLibrary team = PostgresLibrary.open(db, name)) {
            if (where != null) {
                probe(new Team(db, name, where, k, 0));
            }
            s = describe(team, db, where, name);
        }
        new TeamConnection(
                        db.shown(),
                        name,
                        where == null ? null : store.strip(),
                        endpoint,
                        where == null ? null : where.region(),
                        pathStyle,
                        r.copiesGb())
                .save(config);
        if (db.password() != null) {
            passwords.save(db.password());
        } else {
            passwords.clear();
        }
        if (keys != null) {
            storeKeys.save(keys.access() + "\n" + keys.secret());
        }
        return s;
    }

    /** Puts a small file in the store and reads it back: the rights a desktop needs, checked once. */
    private void probe(Team t) throws IOException {
        Path dir = Files.createDirectories(cache.resolve("team-probe"));
        Path file = Files.write(dir.resolve("probe.txt"), PROBE);
        String sha = Hashes.sha256(PROBE);
        try (HashStore s = openStore(t, cache)) {
            s.put(file, sha, "txt");
            s.get(sha, "txt", dir.resolve("back.txt"));
        } catch (IOException e) {
            throw new IOException(
                    "Not connected: the team's store did not keep and give back a check file. " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir.resolve("back.txt"));
        }
    }

    /** Where this desktop stands: local, or the team's addresses, whether it answers and what it holds. */
    public Status status() throws IOException {
        Optional<Team> t = saved();
        if (t.isEmpty()) {
            return new Status(false, localLibrary, null, null, true, null, -1, List.of(), null);
        }
        Team team = t.get();
        String store = team.store() == null ? null : team.store().shown();
        try (PostgresLibrary lib = PostgresLibrary.open(team.database(), team.desktop())) {
            return describe(lib, team.database(), team.store(), team.desktop());
        } catch (LibraryException e) {
            return new Status(
                    true, team.database().shown(), store, team.desktop(), false, e.getMessage(), -1, List.of(), null);
        }
    }

    /**
     * Copies this desktop's own library into the team it is connected to (tasks, answers, curation, how
     * each was made, files); running it again changes nothing.
     */
    public LibraryPush.Result push(Library team, HashStore store, Consumer<String> progress)
            throws IOException, LibraryException {
        if (saved().isEmpty()) {
            throw new IOException(
                    "This desktop is not connected to a team: aigc-desk team connect --db postgresql://…");
        }
        try (Library local = SqliteLibrary.open(Path.of(localLibrary))) {
            return LibraryPush.run(local, team, store, progress);
        }
    }

    /** Back to the local library; the team keeps everything, and its secrets are forgotten here. */
    public void disconnect() throws IOException {
        TeamConnection.forget(config);
        passwords.clear();
        storeKeys.clear();
    }

    public String localLibrary() {
        return localLibrary;
    }

    private static Status describe(PostgresLibrary team, TeamDatabase db, S3Location store, String desktop)
            throws LibraryException {
        return new Status(
                true,
                db.shown(),
                store == null ? null : store.shown(),
                desktop,
                true,
                null,
                team.count(TaskQuery.ALL),
                team.desktopsOpen(),
                team.syncLockHolder());
    }
}
