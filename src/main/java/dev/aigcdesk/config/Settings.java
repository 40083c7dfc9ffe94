package dev.aigcdesk.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the user chose in Settings. Null means "the default": the API base and the archive folder
 * then come from the environment and the per-OS folders.
 */
public record Settings(
        String apiBase,
        Path archiveFolder,
        Path downloadFolder,
        boolean autoArchive,
        Duration refreshInterval,
        Theme theme,
        String locale,
        ProxyMode proxyMode,
        String proxyHost,
        int proxyPort,
        boolean askBeforeGenerating) {

    public enum Theme {
        SYSTEM,
        LIGHT,
        DARK
    }

    public enum ProxyMode {
        SYSTEM,
        NONE,
        MANUAL
    }

    public static final Settings DEFAULTS = new Settings(
            null, null, null, true, Duration.ofSeconds(3), Theme.SYSTEM, null, ProxyMode.SYSTEM, null, 0, true);

    public Settings withArchiveFolder(Path p) {
        return new Settings(
                apiBase,
                p,
                downloadFolder,
                autoArchive,
                refreshInterval,
                theme,
                locale,
                proxyMode,
                proxyHost,
                proxyPort,
                askBeforeGenerating);
    }

    public Settings withDownloadFolder(Path p) {
        return new Settings(
                apiBase,
                archiveFolder,
                p,
                autoArchive,
                refreshInterval,
                theme,
                locale,
                proxyMode,
                proxyHost,
                proxyPort,
                askBeforeGenerating);
    }

    public Settings withApiBase(String b) {
        return new Settings(
                b,
                archiveFolder,
                downloadFolder,
                autoArchive,
                refreshInterval,
                theme,
                locale,
                proxyMode,
                proxyHost,
                proxyPort,
                askBeforeGenerating);
    }

    public Settings withAutoArchive(boolean on) {
        return new Settings(
                apiBase,
                archiveFolder,
                downloadFolder,
                on,
                refreshInterval,
                theme,
                locale,
                proxyMode,
                proxyHost,
                proxyPort,
                askBeforeGenerating);
    }

    public Settings withTheme(Theme t) {
        return new Settings(
                apiBase,
                archiveFolder,
                downloadFolder,
                autoArchive,
                refreshInterval,
                t,
                locale,
                proxyMode,
                proxyHost,
                proxyPort,
                askBeforeGenerating);
    }

    public Settings withLocale(String l) {
        return new Settings(
                apiBase,
                archiveFolder,
                downloadFolder,
                autoArchive,
                refreshInterval,
                theme,
                l,
                proxyMode,
                proxyHost,
                proxyPort,
                askBeforeGenerating);
    }

    public Settings withRefreshInterval(Duration d) {
        return new Settings(
                apiBase,
                archiveFolder,
                downloadFolder,
                autoArchive,
                d,
                theme,
                locale,
                proxyMode,
                proxyHost,
                proxyPort,
                askBeforeGenerating);
    }

    /** Whether the window asks once per session before it starts a paid generation. */
    public Settings withAskBeforeGenerating(boolean ask) {
        return new Settings(
                apiBase,
                archiveFolder,
                downloadFolder,
                autoArchive,
                refreshInterval,
                theme,
                locale,
                proxyMode,
                proxyHost,
                proxyPort,
                ask);
    }

    public Settings withProxy(ProxyMode mode, String host, int port) {
        return new Settings(
                apiBase,
                archiveFolder,
                downloadFolder,
                autoArchive,
                refreshInterval,
                theme,
                locale,
                mode,
                host,
                port,
                askBeforeGenerating);
    }
}
