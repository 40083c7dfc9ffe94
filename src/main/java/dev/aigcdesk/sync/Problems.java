package dev.aigcdesk.sync;

import dev.aigcdesk.api.ApiException;
import dev.aigcdesk.api.AuthenticationFailedException;
import dev.aigcdesk.api.ErrorDetails;
import dev.aigcdesk.api.MalformedResponseException;
import dev.aigcdesk.api.NetworkErrorException;
import dev.aigcdesk.api.RateLimitedException;
import dev.aigcdesk.api.ServiceTimeoutException;
import dev.aigcdesk.api.TaskNotFoundException;
import dev.aigcdesk.domain.Problem;

/** The problem the library keeps for a failed query: a code and the particulars, no sentence in any language. */
final class Problems {

    private Problems() {}

    static Problem of(ApiException e, String host) {
        ErrorDetails d = e.details();
        String status = d.httpStatus() > 0 ? "HTTP " + d.httpStatus() : "";
        if (e instanceof ServiceTimeoutException t) {
            return Problem.of("query.timeout", ServiceTimeoutException.seconds(t.waited()), t.bytesReceived() + " B");
        }
        if (e instanceof NetworkErrorException) {
            return new Problem("query.network", host);
        }
        if (e instanceof AuthenticationFailedException) {
            return new Problem("query.auth", e.code());
        }
        if (e instanceof TaskNotFoundException) {
            return new Problem("query.notFound", e.code());
        }
        if (e instanceof RateLimitedException) {
            return new Problem("query.rateLimited", status);
        }
        if (e instanceof MalformedResponseException) {
            return new Problem("query.malformed", status.isEmpty() ? e.code() : status);
        }
        String server = d.serverMessage() == null || d.serverMessage().isBlank() ? "" : ": " + d.serverMessage();
        return new Problem(
                "query.service", (d.code() != null ? d.code() : status.isEmpty() ? e.code() : status) + server);
    }
}
