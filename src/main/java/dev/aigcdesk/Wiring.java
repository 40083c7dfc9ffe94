package dev.aigcdesk;

import dev.aigcdesk.api.ApiSettings;
import dev.aigcdesk.api.HttpClients;
import dev.aigcdesk.api.QueryClient;
import dev.aigcdesk.api.RateLimiter;
import dev.aigcdesk.api.TaskJson;
import dev.aigcdesk.cli.GlobalOptions;
import dev.aigcdesk.cli.Session;
import dev.aigcdesk.cli.SessionFactory;
import dev.aigcdesk.config.AppInfo;
import dev.aigcdesk.config.AppPaths;
import dev.aigcdesk.config.ConnectionOptions;
import dev.aigcdesk.demo.DemoCatalog;
import dev.aigcdesk.demo.DemoServer;
import dev.aigcdesk.download.Downloader;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import okhttp3.OkHttpClient;

/** The composition root: the one place where the app's objects are built and connected. */
public final class Wiring implements SessionFactory {

    private final Map<String, String> env;
    private final Clock clock;
    private final AppInfo info = AppInfo.load();

    public Wiring(Map<String, String> env, Clock clock) {
        this.env = Map.copyOf(env);
        this.clock = clock;
    }

    @Override
    public Session open(GlobalOptions options) throws IOException {
        AppPaths paths = AppPaths.resolve(options.home(), env);
        DemoServer demo = null;
        ConnectionOptions connection;
        if (options.demo()) {
            demo = new DemoServer(DemoCatalog.standard(), clock).start(0);
            paths = paths.forDemo();
            connection = new ConnectionOptions(demo.baseUrl(), null, ConnectionOptions.KeySource.NONE);
        } else {
            connection = ConnectionOptions.resolve(options.apiBase(), options.apiKey(), env, null, null);
        }
        ApiSettings settings = ApiSettings.defaults(connection.baseUrl(), connection.apiKey(), info.version());
        OkHttpClient http = HttpClients.create(settings);
        QueryClient client = new QueryClient(settings, http, new RateLimiter(settings.requestsPerSecond()));
        return new WiredSession(connection, paths, client, new Downloader(http), new TaskJson(), http, demo);
    }

    private record WiredSession(ConnectionOptions connection, AppPaths paths, QueryClient queryClient, Downloader downloader,
                                TaskJson json, OkHttpClient http, DemoServer demo) implements Session {
        @Override
        public void close() {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
            if (demo != null) {
                demo.close();
            }
        }
    }
}
