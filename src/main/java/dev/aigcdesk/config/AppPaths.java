package dev.aigcdesk.config;

import dev.dirs.ProjectDirectories;
import dev.dirs.UserDirectories;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the app keeps things. By default the per-OS folders (XDG on Linux, Application Support on
 * macOS, AppData on Windows), and the archive in the user's Pictures folder; with a home folder
 * set ({@code AIGC_DESK_HOME} or {@code --home}), everything lives under it.
 */
public record AppPaths(Path data, Path config, Path cache, Path logs, Path archive) {

    public static final String HOME_ENV = "AIGC_DESK_HOME";

    public static AppPaths resolve(Path homeOverride, Map<String, String> env) {
        Path home = homeOverride;
        if (home == null) {
            String fromEnv = env.get(HOME_ENV);
            home = fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv.strip());
        }
        if (home != null) {
            Path h = home.toAbsolutePath().normalize();
            return new AppPaths(
                    h.resolve("data"),
                    h.resolve("config"),
                    h.resolve("cache"),
                    h.resolve("logs"),
                    h.resolve("archive"));
        }
        ProjectDirectories dirs = ProjectDirectories.from("dev", "aigcdesk", "AIGC Desk");
        Path data = Path.of(dirs.dataLocalDir);
        Path logs = data.resolve("logs");
        return new AppPaths(data, Path.of(dirs.configDir), Path.of(dirs.cacheDir), logs, defaultArchive());
    }

    /** A separate library for the demo, so demo tasks never mix with real ones. */
    public AppPaths forDemo() {
        Path demo = data.resolve("demo");
        return new AppPaths(demo.resolve("data"), config, cache.resolve("demo"), logs, demo.resolve("archive"));
    }

    private static Path defaultArchive() {
        UserDirectories user = UserDirectories.get();
        String pictures = user.pictureDir != null ? user.pictureDir : user.homeDir;
        return Path.of(pictures).resolve("AIGC Desk");
    }
}
