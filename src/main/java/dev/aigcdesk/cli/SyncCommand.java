package dev.aigcdesk.cli;

import dev.aigcdesk.app.Session;
import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.domain.Catalog;
import dev.aigcdesk.domain.Reach;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.sync.ArchiveReport;
import dev.aigcdesk.sync.SyncEvent;
import dev.aigcdesk.sync.SyncReport;
import dev.aigcdesk.sync.SyncService;
import dev.aigcdesk.sync.TeamShelf;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "sync",
        description = {
            "Refresh running tasks and save every finished output into the archive.",
            "One pass by default; --watch keeps going until nothing runs and everything reachable is saved.",
            "Every running task is asked, whatever its schedule; one refused task does not stop the others."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:nothing was lost",
            "1:a file could not be saved yet, or the key was refused",
            "3:a file was lost (its link died first)",
            "4:another AIGC Desk is syncing this library",
            "5:the archive folder cannot be written (missing, read-only, disk full)",
            "6:the team library or its store cannot be reached (what was saved stays here and goes to the team later)"
        })
public final class SyncCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--watch",
            description = "Keep refreshing and saving until everything is settled, showing progress.")
    boolean watch;

    private final SessionFactory sessions;

    public SyncCommand(SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** What the pass found that the summary must say, gathered from the events. */
    private static final class Findings {
        final List<String> lost = Collections.synchronizedList(new ArrayList<>());
        final List<String> failed = Collections.synchronizedList(new ArrayList<>());
        final Set<TaskId> refused = Collections.synchronizedSet(new LinkedHashSet<>());
        /** Some files saved here could not be sent to the team's store yet (they are sent on the next pass). */
        boolean teamBehind;
        /** Why the team's database could not be reached, when the passes ran on this desktop's outbox. */
        String teamAway;

        /** Each task's query failure is said once per kind, not on every pass of a watch. */
        final Set<String> unanswered = Collections.synchronizedSet(new LinkedHashSet<>());

        boolean keyRejected;
        String blocked;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Findings found = new Findings();
        try (Session session = sessions.open(root.options())) {
            SyncService sync = session.sync();
            try (AutoCloseable sub = session.events().subscribe(e -> report(e, out, err, found))) {
                SyncReport r = passes(sync, out, found);
                int saved = r.archive().archived();
                out.printf(
                        "Saved %d file%s to %s. %d task%s still running, %d file%s waiting to be saved.%n",
                        saved,
                        plural(saved),
                        session.archiveFolder(),
                        r.stillActive(),
                        plural(r.stillActive()),
                        r.stillPending(),
                        plural(r.stillPending()));
            }
            if (found.teamAway == null) {
                // What was saved is looked at now, for finding by look (the window looks at older ones itself).
                int looked = session.pictureLooks().lookAtSaved(500);
                if (looked > 0) {
                    out.printf("Looked at %d saved picture%s (for finding by look).%n", looked, plural(looked));
                }
            }
            // In a team with a shared store, what was saved here goes up before the command ends.
            Optional<TeamShelf> shelf = found.teamAway == null ? session.teamShelf() : Optional.empty();
            if (shelf.isPresent()) {
                TeamShelf.Pass p = shelf.get().pass();
                out.printf(
                        "Team files: %d sent to %s, %d fetched.%n",
                        p.sent(), shelf.get().store().location(), p.fetched());
                if (p.problem() != null) {
                    err.println(
                            p.failed() + " file" + plural(p.failed()) + " not yet in the team's store: " + p.problem()
                                    + ". Nothing is lost: they stay on this desktop and go up when the store answers.");
                    found.teamBehind = true;
                }
            }
        }
        return summary(found, err);
    }

    /** One pass, or with --watch, passes until settled; a refused key or a blocked archive ends the watch (both need the user). */
    private SyncReport passes(SyncService sync, PrintWriter out, Findings found) throws Exception {
        boolean first = true;
        int saved = 0;
        String lastStatus = "";
        SyncReport r;
        while (true) {
            r = sync.runOnce(first);
            first = false;
            saved += r.archive().archived();
            found.refused.addAll(r.poll().refused());
            found.keyRejected |= r.poll().keyRejected();
            found.teamAway = r.teamAway();
            if (r.archive().isBlocked()) {
                found.blocked = r.archive().blocked();
            }
            if (!watch || r.settled() || r.poll().keyRejected() || r.archive().isBlocked()) {
                break;
            }
            String status = String.format(
                    "… %d running, %d waiting to be saved%s",
                    r.stillActive(), r.stillPending(), r.poll().offline() ? " (offline, retrying)" : "");
            if (!status.equals(lastStatus)) {
                out.println(status);
                out.flush();
                lastStatus = status;
            }
            Thread.sleep(Duration.ofSeconds(1).toMillis());
        }
        return new SyncReport(
                r.poll(),
                new ArchiveReport(
                        saved,
                        r.archive().waiting(),
                        r.archive().lost(),
                        r.archive().failed(),
                        r.archive().blocked()),
                r.stillActive(),
                r.stillPending());
    }

    /** The lines that must always print, losses first; and the exit code they add up to. */
    private static int summary(Findings found, PrintWriter err) {
        int code = ExitCodes.OK;
        if (found.teamBehind) {
            code = ExitCodes.UNREACHABLE;
        }
        if (found.teamAway != null) {
            err.println("The team library cannot be reached: " + found.teamAway);
            err.println(
                    "  Nothing is lost: this desktop refreshed the tasks it keeps for the team and saved their files"
                            + " here. They are handed to the team library when it answers (the next sync, or an open window).");
            code = ExitCodes.UNREACHABLE;
        }
        if (!found.lost.isEmpty()) {
            err.println("LOST " + found.lost.size() + " file" + plural(found.lost.size())
                    + " whose link died before it could be saved:");
            found.lost.forEach(l -> err.println("  LOST " + l));
            code = ExitCodes.LOST;
        }
        if (found.blocked != null) {
            err.println("Cannot save into the archive: " + found.blocked);
            err.println(
                    "  Free some space or choose another archive folder (Settings, or AIGC_DESK_HOME), then run sync again.");
            code = code == ExitCodes.OK ? ExitCodes.STORAGE : code;
        }
        if (!found.failed.isEmpty()) {
            err.println("Could not save " + found.failed.size() + " file" + plural(found.failed.size()) + ":");
            found.failed.forEach(l -> err.println("  " + l));
            code = code == ExitCodes.OK ? ExitCodes.FAILED : code;
        }
        if (found.keyRejected) {
            err.println(
                    "The API key was rejected for every task. Set AIGC_DESK_API_KEY or pass --api-key, then run sync again.");
            code = code == ExitCodes.OK ? ExitCodes.FAILED : code;
        } else if (!found.refused.isEmpty()) {
            err.println("The service refused the key for " + found.refused.size() + " task"
                    + plural(found.refused.size()) + " (they may belong to another account):");
            found.refused.forEach(id -> err.println("  " + id));
            code = code == ExitCodes.OK ? ExitCodes.FAILED : code;
        }
        err.flush();
        return code;
    }

    private static void report(SyncEvent e, PrintWriter out, PrintWriter err, Findings found) {
        if (e instanceof SyncEvent.TaskChanged c) {
            if (c.before() == null
                    || c.before().task().state() != c.after().task().state()) {
                TaskState s = c.after().task().state();
                out.println("  " + c.after().id() + " is " + s.wireName()
                        + (s.isActive() ? " (" + c.after().task().progress() + "%)" : "")
                        + c.after()
                                .task()
                                .failureInfo()
                                .map(f -> ": " + Catalog.english().failure(f))
                                .orElse(""));
            }
        } else if (e instanceof SyncEvent.FileArchived a) {
            out.println("  saved " + a.path()
                    + (a.file().flags().contains(FileRecord.FLAG_SIZE_DISAGREES)
                            ? " (its size differs from what the service announced; kept as served)"
                            : ""));
        } else if (e instanceof SyncEvent.FileExpired x) {
            found.lost.add(
                    describe(x.file()) + " (expired at " + x.file().file().expireTime() + ")");
        } else if (e instanceof SyncEvent.FileFailed f && !f.willRetry()) {
            found.failed.add(describe(f.file()) + ": " + f.message());
        } else if (e instanceof SyncEvent.QueryFailed q
                && !q.keyRejected()
                && found.unanswered.add(q.id() + " " + q.code())) {
            err.println("  " + q.id() + " was not answered: " + q.message() + " [" + q.code() + "]");
            err.flush();
        } else if (e instanceof SyncEvent.ReachChanged r) {
            out.println("  " + r.id() + " is "
                    + (r.reach() == Reach.NOT_FOUND
                            ? "unknown to the service (check the id)"
                            : "out of reach: the service no longer answers for it; its record is kept"));
        }
        out.flush();
    }

    private static String describe(FileRecord f) {
        return f.taskId() + " file " + f.index();
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
