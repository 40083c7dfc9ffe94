package dev.aigcdesk.cli;

import dev.aigcdesk.api.QueryClient;
import dev.aigcdesk.api.TaskJson;
import dev.aigcdesk.config.AppPaths;
import dev.aigcdesk.config.ConnectionOptions;
import dev.aigcdesk.download.Downloader;

/** The services one command run works with. Closing it stops anything it started (the demo service). */
public interface Session extends AutoCloseable {

    ConnectionOptions connection();

    AppPaths paths();

    QueryClient queryClient();

    Downloader downloader();

    TaskJson json();

    @Override
    void close();
}
