package dev.aigcdesk.app;

import java.nio.file.Path;

/**
 * What a session is opened with: the command line's global options, or the window's own choice.
 *
 * @param apiBase the service base URL given for this run, or null for Settings and the environment
 * @param apiKey  the key given for this run, or null for the environment and the saved key
 * @param demo    the built-in demo service and its separate library
 * @param home    where the library, settings, logs and archive live, or null for the default
 */
public record SessionOptions(String apiBase, String apiKey, boolean demo, Path home) {

    /** The same options, with the demo switched on or off (the window's "Try the demo"). */
    public SessionOptions withDemo(boolean on) {
        return new SessionOptions(apiBase, apiKey, on, home);
    }
}
