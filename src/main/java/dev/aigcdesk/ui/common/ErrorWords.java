package dev.aigcdesk.ui.common;

import dev.aigcdesk.api.ApiException;
import dev.aigcdesk.api.AuthenticationFailedException;
import dev.aigcdesk.api.MalformedResponseException;
import dev.aigcdesk.api.MaybeReceivedException;
import dev.aigcdesk.api.NetworkErrorException;
import dev.aigcdesk.api.RateLimitedException;
import dev.aigcdesk.api.ServiceTimeoutException;
import dev.aigcdesk.api.TaskNotFoundException;
import dev.aigcdesk.download.DownloadException;
import dev.aigcdesk.io.IoTrouble;
import dev.aigcdesk.library.LibraryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.CompletionException;

/**
 * A failure as the window says it, in its language: what happened in a sentence of the UI's words, with
 * the particulars (a path, the service's own message) as they came. Unknown failures keep their message.
 */
public final class ErrorWords {

    private final I18n i18n;

    public ErrorWords(I18n i18n) {
        this.i18n = i18n;
    }

    public String say(Throwable e) {
        if (e instanceof CompletionException && e.getCause() != null) {
            return say(e.getCause());
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof LibraryException le) {
            return i18n.get("error.library." + le.kind().name().toLowerCase(Locale.ROOT), particulars(e));
        }
        if (e instanceof DownloadException de) {
            return i18n.catalog().problem(de.problem().encode());
        }
        if (e instanceof ApiException api) {
            String server = api.details().serverMessage();
            if (e instanceof ServiceTimeoutException t) {
                return i18n.get("error.timeout", ServiceTimeoutException.seconds(t.waited()), t.bytesReceived());
            }
            if (e instanceof NetworkErrorException) {
                return i18n.get("error.network");
            }
            if (e instanceof MaybeReceivedException) {
                return i18n.get("error.maybeReceived");
            }
            if (e instanceof AuthenticationFailedException) {
                return i18n.get("error.auth");
            }
            if (e instanceof TaskNotFoundException) {
                return i18n.get("error.notFound");
            }
            if (e instanceof RateLimitedException) {
                return i18n.get("error.rateLimited");
            }
            if (e instanceof MalformedResponseException) {
                return i18n.get("error.malformed", message);
            }
            // The service's own words stay as it wrote them (a model it does not support, a prompt it refused).
            return i18n.get(
                    "error.service", server == null || server.isBlank() ? message : server + " (" + api.code() + ")");
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            return i18n.get("error.file", particulars(e));
        }
        return message;
    }

    /**
     * What the operating system reported, in the window's words with the path kept: a full disk, a
     * missing file, no permission. The system's own text stays only for what has no name here.
     */
    public String particulars(Throwable e) {
        var trouble = IoTrouble.of(e);
        if (trouble.isPresent()) {
            String file = trouble.get().file();
            return i18n.get("os." + trouble.get().kind().key() + (file.isEmpty() ? "" : ".file"), file);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getMessage() != null
                ? e.getMessage()
                : root.getMessage() != null ? root.getMessage() : e.getClass().getSimpleName();
    }
}
