package dev.aigcdesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStoresTest {

    @TempDir
    Path dir;

    @Test
    void withoutAKeychainTheKeyGoesToAFileOnlyTheUserCanRead() throws Exception {
        ApiKeyStore keys = new ApiKeyStore(dir, false);
        assertThat(keys.destination()).isEqualTo(ApiKeyStore.Where.PRIVATE_FILE);
        assertThat(keys.load()).isEmpty();
        assertThat(keys.save("sk-chainhub-abc")).isEqualTo(ApiKeyStore.Where.PRIVATE_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.file())))
                .isEqualTo("rw-------");
        assertThat(keys.load()).contains("sk-chainhub-abc");
        keys.clear();
        assertThat(keys.load()).isEmpty();
        assertThat(keys.file()).doesNotExist();
    }

    @Test
    void settingsRoundTripAndDamagedFilesFallBackToDefaults() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        assertThat(store.load()).isEqualTo(Settings.DEFAULTS);
        Settings s = Settings.DEFAULTS
                .withArchiveFolder(dir.resolve("art"))
                .withApiBase("http://127.0.0.1:9/")
                .withAutoArchive(false)
                .withTheme(Settings.Theme.DARK)
                .withLocale("zh-CN")
                .withRefreshInterval(Duration.ofSeconds(7))
                .withProxy(Settings.ProxyMode.MANUAL, "proxy.local", 3128);
        store.save(s);
        assertThat(store.load()).isEqualTo(s);
        Files.writeString(store.file(), "theme=PURPLE\nrefresh.seconds=-4\nproxy.port=99999\n");
        Settings back = store.load();
        assertThat(back.theme()).isEqualTo(Settings.Theme.SYSTEM);
        assertThat(back.refreshInterval()).isEqualTo(Settings.DEFAULTS.refreshInterval());
        assertThat(back.proxyPort()).isZero();
    }

    @Test
    void connectionChoiceFollowsFlagThenEnvironmentThenSaved() {
        ConnectionOptions flag = ConnectionOptions.resolve(
                "http://a/", "flag", Map.of(ConnectionOptions.KEY_ENV, "env"), "http://saved/", "saved");
        assertThat(flag.apiKey()).isEqualTo("flag");
        assertThat(flag.baseUrl()).isEqualTo("http://a/");
        ConnectionOptions env = ConnectionOptions.resolve(
                null,
                null,
                Map.of(ConnectionOptions.KEY_ENV, "env", ConnectionOptions.BASE_ENV, "http://e/"),
                "http://saved/",
                "saved");
        assertThat(env.keySource()).isEqualTo(ConnectionOptions.KeySource.ENVIRONMENT);
        assertThat(env.baseUrl()).isEqualTo("http://e/");
        ConnectionOptions saved = ConnectionOptions.resolve(null, null, Map.of(), "http://saved/", "saved");
        assertThat(saved.keySource()).isEqualTo(ConnectionOptions.KeySource.SAVED);
        assertThat(saved.toString()).doesNotContain("saved\"").contains("apiKey=set");
        assertThat(ConnectionOptions.resolve(null, " ", Map.of(), null, null).hasKey())
                .isFalse();
    }

    @Test
    void aHomeFolderHoldsEverything() {
        AppPaths p = AppPaths.resolve(null, Map.of(AppPaths.HOME_ENV, dir.toString()));
        assertThat(p.data()).isEqualTo(dir.resolve("data"));
        assertThat(p.archive()).isEqualTo(dir.resolve("archive"));
        assertThat(p.forDemo().data()).isEqualTo(dir.resolve("data/demo/data"));
        assertThat(AppPaths.resolve(dir.resolve("x"), Map.of(AppPaths.HOME_ENV, dir.toString()))
                        .logs())
                .isEqualTo(dir.resolve("x/logs"));
    }
}
