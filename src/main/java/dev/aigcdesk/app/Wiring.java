package dev.aigcdesk.app;

import dev.aigcdesk.api.ApiSettings;
import dev.aigcdesk.api.ConnectionCheck;
import dev.aigcdesk.api.ServiceHttp;
import dev.aigcdesk.config.ApiKeyStore;
import dev.aigcdesk.config.AppInfo;
import dev.aigcdesk.config.AppPaths;
import dev.aigcdesk.config.ConnectionOptions;
import dev.aigcdesk.config.Settings;
import dev.aigcdesk.config.SettingsStore;
import dev.aigcdesk.demo.DemoCatalog;
import dev.aigcdesk.demo.DemoCreations;
import dev.aigcdesk.demo.DemoEpoch;
import dev.aigcdesk.demo.DemoServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The composition root: the one place where the app's objects are built and connected. */
public final class Wiring implements SessionFactory {

    private final Map<String, String> env;
    private final Clock clock;
    private final Patience patience;
    private final AppInfo info = AppInfo.load();

    public Wiring(Map<String, String> env, Clock clock, Patience patience) {
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.patience = patience;
    }

    public Wiring(Map<String, String> env, Clock clock) {
        this(env, clock, Patience.DEFAULT);
    }

    public AppInfo info() {
        return info;
    }

    @Override
    public Session open(SessionOptions options) throws IOException {
        AppPaths paths = AppPaths.resolve(options.home(), env);
        Settings settings = new SettingsStore(paths.config()).load();
        DemoServer demo = null;
        ConnectionOptions connection;
        Path archive;
        if (options.demo()) {
            paths = paths.forDemo();
            demo = new DemoServer(
                            DemoCatalog.standard(),
                            clock,
                            new DemoCreations(paths.data().resolve("demo-created.jsonl")))
                    .startPreferring(DemoEpoch.PREFERRED_PORT, DemoEpoch.load(paths.data(), clock.instant()));
            connection = new ConnectionOptions(demo.baseUrl(), null, ConnectionOptions.KeySource.NONE);
            archive = paths.archive();
        } else {
            connection = ConnectionOptions.resolve(
                    options.apiBase(),
                    options.apiKey(),
                    env,
                    settings.apiBase(),
                    keyStore(paths).load().orElse(null));
            archive = settings.archiveFolder() != null ? settings.archiveFolder() : paths.archive();
        }
        TeamSetup team = new TeamSetup(
                paths.config(),
                paths.cache(),
                keychain(),
                env,
                LiveSession.localLibraryFile(paths).toString());
        TeamSetup.Team joined = demo == null ? team.saved().orElse(null) : null;
        ApiSettings api = ApiSettings.defaults(connection.baseUrl(), connection.apiKey(), info.version())
                .withProxy(proxyOf(settings));
        ServiceHttp http = new ServiceHttp(api, patience.queries());
        return new LiveSession(
                connection,
                paths,
                archive,
                http,
                demo,
                clock,
                info.name() + " " + info.version(),
                settings,
                patience.downloads(),
                team,
                joined);
    }

    /** Settings' "Test connection". */
    public ConnectionCheck connectionCheck() {
        return new ConnectionCheck(info.version());
    }

    /** Where the saved key lives. {@code AIGC_DESK_KEYCHAIN=off} skips the OS keychain (tests, headless servers). */
    public ApiKeyStore keyStore(AppPaths paths) {
        return new ApiKeyStore(paths.config(), keychain());
    }

    private boolean keychain() {
        return !"off".equalsIgnoreCase(env.getOrDefault("AIGC_DESK_KEYCHAIN", ""));
    }

    private static Proxy proxyOf(Settings s) {
        return switch (s.proxyMode()) {
            case NONE -> Proxy.NO_PROXY;
            case MANUAL ->
                s.proxyHost() == null || s.proxyPort() <= 0
                        ? null
                        : new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(s.proxyHost(), s.proxyPort()));
            case SYSTEM -> null;
        };
    }
}
