package dev.aigcdesk.cli;

import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.app.Session;

import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.sync.SyncEvent;
import dev.aigcdesk.sync.SyncReport;
import dev.aigcdesk.sync.SyncService;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "sync", description = {"Refresh running tasks and save every finished output into the archive.",
        "One pass by default; --watch keeps going until nothing runs and everything reachable is saved."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing was lost", "1:a file expired before it could be saved, could not be saved, or the key was rejected"})
public final class SyncCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--watch", description = "Keep refreshing and saving until everything is settled, showing progress.")
    boolean watch;

    private final SessionFactory sessions;

    public SyncCommand(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> lost = Collections.synchronizedList(new ArrayList<>());
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        try (Session session = sessions.open(root.options())) {
            SyncService sync = session.sync();
            try (AutoCloseable sub = session.events().subscribe(e -> report(e, out, err, lost, failed))) {
                boolean first = true;
                SyncReport r;
                int saved = 0;
                String lastStatus = "";
                do {
                    r = sync.runOnce(first);
                    first = false;
                    saved += r.archive().archived();
                    if (r.poll().keyRejected()) {
                        err.println("The API key was rejected. Set AIGC_DESK_API_KEY or pass --api-key, then run sync again.");
                        return 1;
                    }
                    if (watch && !r.settled()) {
                        String status = String.format("… %d running, %d waiting to be saved%s", r.stillActive(), r.stillPending(),
                                r.poll().offline() ? " (offline, retrying)" : "");
                        if (!status.equals(lastStatus)) {
                            out.println(status);
                            out.flush();
                            lastStatus = status;
                        }
                        Thread.sleep(Duration.ofSeconds(1).toMillis());
                    }
                } while (watch && !r.settled());
                out.printf("Saved %d file%s to %s. %d task%s still running, %d file%s waiting to be saved.%n", saved, saved == 1 ? "" : "s",
                        session.archiveFolder(), r.stillActive(), r.stillActive() == 1 ? "" : "s", r.stillPending(), r.stillPending() == 1 ? "" : "s");
            }
        }
        if (!lost.isEmpty()) {
            err.println("LOST " + lost.size() + " file" + (lost.size() == 1 ? "" : "s") + " that expired before they could be saved:");
            lost.forEach(l -> err.println("  " + l));
        }
        if (!failed.isEmpty()) {
            err.println("Could not save " + failed.size() + " file" + (failed.size() == 1 ? "" : "s") + ":");
            failed.forEach(l -> err.println("  " + l));
        }
        out.flush();
        err.flush();
        return lost.isEmpty() && failed.isEmpty() ? 0 : 1;
    }

    private static void report(SyncEvent e, PrintWriter out, PrintWriter err, List<String> lost, List<String> failed) {
        if (e instanceof SyncEvent.TaskChanged c) {
            if (c.before() == null || c.before().task().state() != c.after().task().state()) {
                TaskState s = c.after().task().state();
                out.println("  " + c.after().id() + " is " + s.wireName() + (s.isActive() ? " (" + c.after().task().progress() + "%)" : "")
                        + c.after().task().failureInfo().map(f -> ": " + f.plainMessage()).orElse(""));
            }
        } else if (e instanceof SyncEvent.FileArchived a) {
            out.println("  saved " + a.path());
        } else if (e instanceof SyncEvent.FileExpired x) {
            lost.add(describe(x.file()) + " expired at " + x.file().file().expireTime());
        } else if (e instanceof SyncEvent.FileFailed f && !f.willRetry()) {
            failed.add(describe(f.file()) + ": " + f.message());
        } else if (e instanceof SyncEvent.ReachChanged r) {
            out.println("  " + r.id() + " is " + (r.reach() == dev.aigcdesk.library.Reach.NOT_FOUND
                    ? "unknown to the service (check the id)" : "out of reach; its record is kept"));
        }
        out.flush();
    }

    private static String describe(FileRecord f) {
        return f.taskId() + " file " + f.index();
    }
}
