package dev.aigcdesk.domain;

import java.util.Locale;

/** Why a task failed, as the service said it, plus a sentence a designer understands. */
public record TaskFailure(long code, String extCode, String message) {

    public TaskFailure {
        extCode = extCode == null ? "" : extCode;
        message = message == null ? "" : message;
    }

    /** Why, as a code: the window says it in its own language, with what to do next. */
    public FailureReason reason() {
        String ext = extCode.toLowerCase(Locale.ROOT);
        String msg = message.toLowerCase(Locale.ROOT);
        if (ext.contains("voilationcontent")
                || ext.contains("violationcontent")
                || ext.equals("contentmoderationfailed")
                || msg.contains("moderation")
                || msg.contains("violates policy")
                || msg.contains("prohibited content")
                || msg.contains("sensitive information")
                || msg.contains("safety")) {
            return FailureReason.MODERATION;
        }
        if (msg.contains("copyright")) {
            return FailureReason.COPYRIGHT;
        }
        if (msg.contains("real person")) {
            return FailureReason.REAL_PERSON;
        }
        return switch (extCode) {
            case "RequestLimitExceeded" -> FailureReason.BUSY;
            case "InvalidParameterValue", "InvalidParameter" -> FailureReason.PARAMETER;
            case "InvalidParameter.MediaFormat" -> FailureReason.INPUT_FORMAT;
            case "FailedOperation" -> FailureReason.BACKLOG;
            case "InternalError" -> FailureReason.INTERNAL;
            case "ResourceInsufficient" -> FailureReason.NO_CAPACITY;
            case "ModelGenerateFailed" -> FailureReason.NO_RESULT;
            case "ResourceNotFound" -> FailureReason.INPUT_MISSING;
            case "OperationCanceled" -> FailureReason.CANCELLED;
            case "TaskTimeout" -> FailureReason.TIMEOUT;
            default -> byCode(msg);
        };
    }

    private FailureReason byCode(String msg) {
        if (msg.contains("aborted")) {
            return FailureReason.ABORTED;
        }
        if (msg.contains("time out")) {
            return FailureReason.TIMEOUT;
        }
        if (msg.contains("without any output")) {
            return FailureReason.NO_OUTPUT;
        }
        if (code == 40000) {
            return FailureReason.PARAMETER;
        }
        if (code == 60000) {
            return FailureReason.INPUT_UNUSABLE;
        }
        return FailureReason.OTHER;
    }
}
