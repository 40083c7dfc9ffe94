package dev.aigcdesk.domain;

import java.util.List;
import java.util.Locale;

/**
 * Decides a task's state from what the service said (query-api.md §6). A FINISH is only a success
 * when there is no error code, no extended error code, and at least one file with a URL.
 */
public final class TaskStateRule {

    private TaskStateRule() {}

    public static TaskState decide(
            String topStatus, String innerStatus, long errCode, String errCodeExt, List<OutputFile> outputs) {
        String top = norm(topStatus);
        String inner = norm(innerStatus);
        String status = top.isEmpty() ? inner : top;
        boolean hasError = errCode != 0 || (errCodeExt != null && !errCodeExt.isBlank());
        boolean hasFiles =
                outputs.stream().anyMatch(f -> f.url() != null && !f.url().isBlank());
        return switch (status) {
            case "WAITING", "QUEUED", "QUEUING" -> hasError ? TaskState.FAILED : TaskState.WAITING;
            case "PROCESSING", "RUNNING" -> hasError ? TaskState.FAILED : TaskState.RUNNING;
            case "FINISH", "FINISHED", "SUCCESS", "SUCCEEDED" ->
                (!hasError && hasFiles) ? TaskState.SUCCEEDED : TaskState.FAILED;
            case "FAIL", "FAILED", "ERROR" -> TaskState.FAILED;
            case "ABORTED", "ABORT", "CANCELED", "CANCELLED" -> TaskState.ABORTED;
            default -> hasError ? TaskState.FAILED : TaskState.UNKNOWN;
        };
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
    }
}
