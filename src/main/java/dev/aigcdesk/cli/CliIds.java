package dev.aigcdesk.cli;

import dev.aigcdesk.domain.TaskId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Task ids typed on the command line: all must be valid before any is used. */
final class CliIds {

    private CliIds() {}

    static List<TaskId> parseAll(CommandSpec spec, List<String> raw) {
        List<TaskId> ids = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (String r : raw) {
            if (TaskId.isValid(r)) {
                ids.add(TaskId.parse(r));
            } else {
                bad.add(r);
            }
        }
        if (!bad.isEmpty()) {
            String first = bad.get(0);
            String msg;
            try {
                TaskId.parse(first);
                msg = "Invalid task id";
            } catch (IllegalArgumentException e) {
                msg = e.getMessage();
            }
            throw new ParameterException(
                    spec.commandLine(),
                    msg + (bad.size() > 1 ? " (and " + (bad.size() - 1) + " more invalid ids)" : ""));
        }
        return ids;
    }
}
