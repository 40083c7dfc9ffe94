package dev.aigcdesk.app;

import dev.aigcdesk.config.ApiKeyStore;
import dev.aigcdesk.config.TeamConnection;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.postgres.PostgresLibrary;
import dev.aigcdesk.library.postgres.TeamDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Connecting this desktop to a team library and back: checks the database answers (upgrading its
 * schema), keeps the address in the config folder and the password apart (keychain or a private
 * file). The next session opens the team library; disconnecting leaves the local library as it was.
 */
public final class TeamSetup {

    /** What {@code team status} says. */
    public record Status(
            boolean connected,
            String database,
            String desktop,
            boolean reachable,
            String problem,
            int tasks,
            List<String> desktopsOpen,
            String refreshedBy) {}

    private final Path config;
    private final ApiKeyStore passwords;
    private final String localLibrary;

    TeamSetup(Path config, ApiKeyStore passwords, String localLibrary) {
        this.config = config;
        this.passwords = passwords;
        this.localLibrary = localLibrary;
    }

    /** The saved team, with its password, if this desktop is connected to one. */
    Optional<Team> saved() throws IOException {
        Optional<TeamConnection> c = TeamConnection.load(config);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        TeamDatabase db = TeamDatabase.parse(c.get().database());
        return Optional.of(
                new Team(db.withPassword(passwords.load().orElse(null)), c.get().desktop()));
    }

    /** A team database and who this desktop is to it. */
    record Team(TeamDatabase database, String desktop) {}

    /**
     * Connects: the database must answer and take this desktop before anything is saved.
     *
     * @param address  {@code postgresql://HOST:PORT/DB?user=U[&password=P]}
     * @param password the password when not in the address (from the environment or Settings), or null
     * @param desktop  the name this desktop goes by, or null for the OS user's
     */
    public Status connect(String address, String password, String desktop) throws IOException, LibraryException {
        TeamDatabase db = TeamDatabase.parse(address);
        if (db.password() == null && password != null) {
            db = db.withPassword(password);
        }
        String name =
                desktop == null || desktop.isBlank() ? System.getProperty("user.name", "desktop") : desktop.strip();
        Status s;
        try (PostgresLibrary team = PostgresLibrary.open(db, name)) {
            s = describe(team, db, name);
        }
        new TeamConnection(db.shown(), name).save(config);
        if (db.password() != null) {
            passwords.save(db.password());
        } else {
            passwords.clear();
        }
        return s;
    }

    /** Where this desktop stands: local, or the team's address, whether it answers and what it holds. */
    public Status status() throws IOException {
        Optional<Team> t = saved();
        if (t.isEmpty()) {
            return new Status(false, localLibrary, null, true, null, -1, List.of(), null);
        }
        try (PostgresLibrary team =
                PostgresLibrary.open(t.get().database(), t.get().desktop())) {
            return describe(team, t.get().database(), t.get().desktop());
        } catch (LibraryException e) {
            return new Status(
                    true, t.get().database().shown(), t.get().desktop(), false, e.getMessage(), -1, List.of(), null);
        }
    }

    /** Back to the local library; the team keeps everything, and the password is forgotten here. */
    public void disconnect() throws IOException {
        TeamConnection.forget(config);
        passwords.clear();
    }

    public String localLibrary() {
        return localLibrary;
    }

    private static Status describe(PostgresLibrary team, TeamDatabase db, String desktop) throws LibraryException {
        return new Status(
                true,
                db.shown(),
                desktop,
                true,
                null,
                team.count(TaskQuery.ALL),
                team.desktopsOpen(),
                team.syncLockHolder());
    }
}
