package dev.aigcdesk.app;

import dev.aigcdesk.api.QueryDeadlines;
import dev.aigcdesk.download.Downloader;

/**
 * How long the app waits on the network before it says so: a query and its retries, and a download
 * that slows to a drip. Tests scale these down; the rules stay the same.
 */
public record Patience(QueryDeadlines queries, Downloader.Limits downloads) {

    public static final Patience DEFAULT = new Patience(QueryDeadlines.DEFAULT, Downloader.Limits.DEFAULT);
}
