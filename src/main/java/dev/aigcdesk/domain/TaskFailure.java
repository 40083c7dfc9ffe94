package dev.aigcdesk.domain;

import java.util.Locale;

/** Why a task failed, as the service said it, plus a sentence a designer understands. */
public record TaskFailure(long code, String extCode, String message) {

    public TaskFailure {
        extCode = extCode == null ? "" : extCode;
        message = message == null ? "" : message;
    }

    /** Plain words for the failure; the raw code and message stay available beside it. */
    public String plainMessage() {
        String ext = extCode.toLowerCase(Locale.ROOT);
        String msg = message.toLowerCase(Locale.ROOT);
        if (ext.contains("voilationcontent") || ext.contains("violationcontent") || ext.equals("contentmoderationfailed")
                || msg.contains("moderation") || msg.contains("violates policy") || msg.contains("prohibited content")
                || msg.contains("sensitive information") || msg.contains("safety")) {
            return "The prompt or an input was rejected by content moderation.";
        }
        if (msg.contains("copyright")) {
            return "The output was blocked because it may infringe copyright.";
        }
        if (msg.contains("real person")) {
            return "An input image was rejected because it may show a real person.";
        }
        return switch (extCode) {
            case "RequestLimitExceeded" -> "Too many tasks were running for this model at once. Try again later.";
            case "InvalidParameterValue", "InvalidParameter" -> "A parameter of the request was not accepted.";
            case "InvalidParameter.MediaFormat" -> "An input file has a format the model does not accept.";
            case "FailedOperation" -> "The service had a backlog and could not run the task.";
            case "InternalError" -> "The model failed with an internal error.";
            case "ResourceInsufficient" -> "The service had no capacity to run the task.";
            case "ModelGenerateFailed" -> "The model could not generate a result.";
            case "ResourceNotFound" -> "An input file could not be found.";
            case "OperationCanceled" -> "The task was cancelled.";
            case "TaskTimeout" -> "The task took too long and timed out.";
            default -> byCode();
        };
    }

    private String byCode() {
        if (message.toLowerCase(Locale.ROOT).contains("aborted")) {
            return "The task was aborted.";
        }
        if (message.toLowerCase(Locale.ROOT).contains("time out")) {
            return "The task took too long and timed out.";
        }
        if (code == 40000) {
            return "A parameter of the request was not accepted.";
        }
        if (code == 60000) {
            return "An input file could not be used.";
        }
        return "The task failed.";
    }
}
