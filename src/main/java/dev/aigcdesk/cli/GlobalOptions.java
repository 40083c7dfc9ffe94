package dev.aigcdesk.cli;

import dev.aigcdesk.app.SessionOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts, before or after the command name. */
public final class GlobalOptions {

    @Option(
            names = "--api-base",
            paramLabel = "URL",
            scope = ScopeType.INHERIT,
            description = "Service base URL (default: https://api.chainhub.tech/, or AIGC_DESK_API_BASE).")
    String apiBase;

    @Option(
            names = "--api-key",
            paramLabel = "KEY",
            scope = ScopeType.INHERIT,
            description =
                    "API key. Prefer the environment variable AIGC_DESK_API_KEY, which keeps it out of shell history.")
    String apiKey;

    @Option(
            names = "--demo",
            scope = ScopeType.INHERIT,
            description = "Use the built-in demo service and a separate demo library: no key or network needed.")
    boolean demo;

    @Option(
            names = "--home",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = "Keep the library, settings, logs and archive in DIR (or set AIGC_DESK_HOME).")
    Path home;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Also print the log to stderr.")
    boolean verbose;

    /** What a session is opened with: these options without picocli. */
    public SessionOptions toSessionOptions() {
        return new SessionOptions(apiBase, apiKey, demo, home);
    }

    public String apiBase() {
        return apiBase;
    }

    public String apiKey() {
        return apiKey;
    }

    public boolean demo() {
        return demo;
    }

    public Path home() {
        return home;
    }

    public boolean verbose() {
        return verbose;
    }
}
