package dev.aigcdesk.cli;

import dev.aigcdesk.app.Session;
import dev.aigcdesk.domain.Palette;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.LibraryFilter;
import java.io.PrintWriter;
import java.util.OptionalInt;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The command line's way into finding by look: pictures saved but not looked at yet are looked at first. */
final class FindByLook {

    private FindByLook() {}

    /** Looks at the saved pictures not looked at yet, saying so when there are any. */
    static void lookFirst(Session session, PrintWriter err) throws LibraryException {
        int missing = session.ledger().filesWithoutLookCount();
        if (missing > 0) {
            err.printf("Looking at %,d saved picture%s first (once each)…%n", missing, missing == 1 ? "" : "s");
            err.flush();
            session.pictureLooks().lookAtSaved();
        }
    }

    /** The ranking {@code --like} or {@code --color} asks for; a bad id or colour is said plainly. */
    static LibraryFilter.Ranking ranking(CommandSpec spec, Session session, String like, String colour)
            throws LibraryException {
        if (like != null && colour != null) {
            throw new ParameterException(spec.commandLine(), "Use --like or --color, not both.");
        }
        PrintWriter err = spec.commandLine().getErr();
        if (like != null) {
            TaskId id;
            try {
                id = TaskId.parse(like);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--like: " + e.getMessage());
            }
            if (session.ledger().find(id).isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--like: " + id + " is not in the library.");
            }
            lookFirst(session, err);
            LibraryFilter.Ranking r = session.lookFinder().like(id, "Like " + id.shortId());
            if (r.ids().isEmpty()) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--like: " + id + " has no saved picture to compare (run 'aigc-desk sync' to save it first).");
            }
            return r;
        }
        OptionalInt rgb = Palette.parseHex(colour);
        if (rgb.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(), "--color: '" + colour + "' is not a colour; write it as #1E90FF.");
        }
        lookFirst(session, err);
        return session.lookFinder().colour(rgb.getAsInt(), "Colour " + colour);
    }
}
