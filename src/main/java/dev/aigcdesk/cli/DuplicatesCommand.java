package dev.aigcdesk.cli;

import dev.aigcdesk.app.Session;
import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.look.LookIndex;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "duplicates",
        description = {
            "List the pictures that are the same picture: the same bytes, or the same image re-encoded or resized",
            "(at most 5 of 64 shape bits apart, colour layouts within 8). In each group the copy to keep comes first:",
            "starred, then the largest. Nothing is removed; 'aigc-desk remove ID' or the window's Duplicates view does",
            "that (with Undo)."
        })
public final class DuplicatesCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per group: the copy to keep and the others.")
    boolean json;

    private final SessionFactory sessions;

    public DuplicatesCommand(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Session session = sessions.open(root.options())) {
            FindByLook.lookFirst(session, spec.commandLine().getErr());
            List<LookIndex.Group> groups = session.lookFinder().index().duplicates();
            int extra = 0;
            for (LookIndex.Group g : groups) {
                extra += g.rest().size();
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("keep", copy(session, g.keep()));
                    List<Object> others = new ArrayList<>();
                    for (LookIndex.Entry e : g.rest()) {
                        others.add(copy(session, e));
                    }
                    m.put("others", others);
                    out.println(session.json().write(m));
                } else {
                    out.printf("%d copies of one picture:%n", g.copies().size());
                    out.println("  keep   " + line(session, g.keep()));
                    for (LookIndex.Entry e : g.rest()) {
                        out.println("  other  " + line(session, e));
                    }
                }
            }
            if (!json) {
                out.println(
                        groups.isEmpty()
                                ? "No duplicates: every picture is one of a kind."
                                : groups.size() + (groups.size() == 1 ? " group, " : " groups, ") + extra + " extra cop"
                                        + (extra == 1 ? "y" : "ies") + ". Nothing was removed.");
            }
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> copy(Session session, LookIndex.Entry e) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id().value());
        m.put("index", e.n());
        m.put("sha256", e.sha256());
        m.put("pixels", e.pixels());
        m.put("stars", e.stars());
        m.put("localPath", file(session, e).map(f -> f.localPath().toString()).orElse(null));
        return m;
    }

    private static String line(Session session, LookIndex.Entry e) throws Exception {
        Optional<FileRecord> f = file(session, e);
        String size = f.map(r -> r.file().width() == null
                        ? ""
                        : r.file().width() + "×" + r.file().height())
                .orElse("");
        return e.id() + " #" + e.n() + "  " + size + (e.stars() > 0 ? "  " + "★".repeat(e.stars()) : "")
                + f.map(r -> "  " + r.localPath()).orElse("");
    }

    private static Optional<FileRecord> file(Session session, LookIndex.Entry e) throws Exception {
        Optional<TaskRecord> r = session.ledger().find(e.id());
        return r.flatMap(t -> t.files().stream()
                .filter(f -> f.index() == e.n() && f.localPath() != null)
                .findFirst());
    }
}
