package dev.aigcdesk.cli;

import dev.aigcdesk.domain.TaskId;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** How the organizing commands report a change: done, or nothing done because ids were unknown (a usage error). */
final class CurationChange {

    private CurationChange() {}

    /** Throws a usage error naming the unknown ids (nothing was changed); otherwise says what was done. */
    static int report(CommandSpec spec, List<TaskId> unknown, String done) {
        if (!unknown.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Not in the library: "
                            + String.join(
                                    ", ", unknown.stream().map(TaskId::value).toList()) + ". Nothing was changed.");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(done);
        return ExitCodes.OK;
    }
}
