package dev.aigcdesk.cli;

import dev.aigcdesk.app.Session;
import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.app.TeamSetup;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "team",
        description = {
            "A studio's shared library on PostgreSQL: every desktop connected sees every task, who added it,",
            "and the stars, tags and collections, as they change. The local library stays as it was."
        },
        subcommands = {TeamCommand.Connect.class, TeamCommand.Status.class, TeamPush.class, TeamCommand.Disconnect.class
        })
public final class TeamCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    public TeamCommand(SessionFactory sessions) {
        // The subcommands are given the session factory themselves.
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    @Command(
            name = "connect",
            description = {
                "Connect this desktop to a team library; every command then works on it.",
                "The password may be in the address or in AIGC_DESK_TEAM_PASSWORD; it is kept like the API key",
                "(keychain or a private file), never printed."
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:connected",
                "2:an address is not one",
                "6:the database or the store did not answer, or refused"
            })
    static final class Connect implements Callable<Integer> {
        @ParentCommand
        TeamCommand parent;

        @Spec
        CommandSpec spec;

        @Option(
                names = "--db",
                required = true,
                paramLabel = "ADDRESS",
                description = "postgresql://HOST:PORT/DB?user=U&password=P")
        String db;

        @Option(
                names = "--name",
                paramLabel = "NAME",
                description = "Who this desktop is to the others (default: the OS user).")
        String name;

        @Option(
                names = "--store",
                paramLabel = "s3://BUCKET[/PREFIX]",
                description = "Where the team keeps its files (keys from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).")
        String store;

        @Option(
                names = "--endpoint",
                paramLabel = "URL",
                description = "The store's endpoint when it is not AWS (Tencent COS, MinIO).")
        String endpoint;

        @Option(names = "--region", paramLabel = "R", description = "The store's region (default us-east-1).")
        String region;

        @Option(names = "--path-style", description = "Address the bucket by path (MinIO and most self-hosted stores).")
        boolean pathStyle;

        @Option(
                names = "--copies-gb",
                paramLabel = "N",
                description =
                        "Keep up to N GB of the team's files and thumbnails on this desktop (default 10): the newest and the last opened.")
        int copiesGb;

        private final SessionFactory sessions;

        Connect(SessionFactory sessions) {
            this.sessions = sessions;
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Session session = sessions.open(parent.root.options())) {
                TeamSetup.Status s;
                try {
                    s = session.team()
                            .connect(new TeamSetup.Request(
                                    db,
                                    System.getenv("AIGC_DESK_TEAM_PASSWORD"),
                                    name,
                                    store,
                                    endpoint,
                                    region,
                                    pathStyle,
                                    null,
                                    copiesGb));
                } catch (IllegalArgumentException bad) {
                    spec.commandLine().getErr().println(bad.getMessage());
                    return ExitCodes.USAGE;
                } catch (IOException storeTrouble) {
                    spec.commandLine().getErr().println(storeTrouble.getMessage());
                    spec.commandLine().getErr().println("Nothing was changed: this desktop stays on its library.");
                    return ExitCodes.UNREACHABLE;
                }
                out.printf(
                        "Connected to %s as \"%s\": %d task%s in the team library.%n",
                        s.database(), s.desktop(), s.tasks(), s.tasks() == 1 ? "" : "s");
                out.println(
                        s.store() == null
                                ? "Every command now works on the team library. Files stay in each desktop's own archive folder."
                                : "Every command now works on the team library; files are kept once in " + s.store()
                                        + ".");
                out.println("Back to the local library (kept as it was): aigc-desk team disconnect");
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "status",
            description = "Local or team; the team's address (no password), this desktop, who is connected.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        TeamCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "As one JSON object.")
        boolean json;

        private final SessionFactory sessions;

        Status(SessionFactory sessions) {
            this.sessions = sessions;
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Session session = sessions.open(parent.root.options())) {
                TeamSetup.Status s = session.team().status();
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("team", s.connected());
                    m.put("db", s.connected() ? s.database() : null);
                    m.put("store", s.store());
                    m.put("localLibrary", session.team().localLibrary());
                    m.put("desktop", s.desktop());
                    m.put("reachable", s.reachable());
                    m.put("problem", s.problem());
                    m.put("tasks", s.tasks() < 0 ? null : s.tasks());
                    m.put("desktopsOpen", s.desktopsOpen());
                    m.put("refreshedBy", s.refreshedBy());
                    out.println(session.json().write(m));
                } else if (!s.connected()) {
                    out.println("Local library: " + s.database());
                    out.println(
                            "Not connected to a team. Connect with: aigc-desk team connect --db postgresql://HOST:PORT/DB?user=U");
                } else if (!s.reachable()) {
                    out.println("Team library: " + s.database() + " (this desktop: " + s.desktop() + ")");
                    out.println(s.problem());
                } else {
                    out.println("Team library: " + s.database() + " (this desktop: " + s.desktop() + ")");
                    out.println(
                            s.store() == null ? "Files: in each desktop's own archive folder" : "Files: " + s.store());
                    out.printf(
                            "%d task%s; connected now: %s%n",
                            s.tasks(), s.tasks() == 1 ? "" : "s", String.join(", ", s.desktopsOpen()));
                    out.println(
                            s.refreshedBy() == null
                                    ? "No desktop is refreshing the tasks right now."
                                    : "Refreshing the tasks from the service: " + s.refreshedBy());
                }
                return s.reachable() ? ExitCodes.OK : ExitCodes.UNREACHABLE;
            }
        }
    }

    @Command(
            name = "disconnect",
            description = "Back to this desktop's own library, which is as it was; the team keeps everything.")
    static final class Disconnect implements Callable<Integer> {
        @ParentCommand
        TeamCommand parent;

        @Spec
        CommandSpec spec;

        private final SessionFactory sessions;

        Disconnect(SessionFactory sessions) {
            this.sessions = sessions;
        }

        @Override
        public Integer call() throws Exception {
            try (Session session = sessions.open(parent.root.options())) {
                session.team().disconnect();
                spec.commandLine()
                        .getOut()
                        .println("Back to the local library: " + session.team().localLibrary());
            }
            return ExitCodes.OK;
        }
    }
}
