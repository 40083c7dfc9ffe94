package dev.aigcdesk.config;

import com.github.javakeyring.Keyring;
import dev.aigcdesk.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the API key in the OS keychain (Secret Service, macOS Keychain, Windows Credential
 * Manager) where one answers, otherwise in a file in the config folder readable only by the user.
 * The key itself is never logged.
 */
public final class ApiKeyStore {

    public enum Where {
        KEYCHAIN,
        PRIVATE_FILE
    }

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyStore.class);
    private static final String SERVICE = "AIGC Desk";
    private static final String ACCOUNT = "chainhub-api-key";

    private final Path file;
    private final boolean tryKeychain;
    private final String account;

    public ApiKeyStore(Path configFolder, boolean tryKeychain) {
        this(configFolder.resolve("api-key"), ACCOUNT, tryKeychain);
    }

    private ApiKeyStore(Path file, String account, boolean tryKeychain) {
        this.file = file;
        this.account = account;
        this.tryKeychain = tryKeychain;
    }

    /** The team store's access key and secret (one per line), kept as the key is. */
    public static ApiKeyStore teamStoreKeys(Path configFolder, boolean tryKeychain) {
        return new ApiKeyStore(configFolder.resolve("team-store-keys"), "team-store-keys", tryKeychain);
    }

    /** The team database's password, kept the same way as the key (never in team.properties, never printed). */
    public static ApiKeyStore teamPassword(Path configFolder, boolean tryKeychain) {
        return new ApiKeyStore(configFolder.resolve("team-db-password"), "team-db-password", tryKeychain);
    }

    public Optional<String> load() {
        if (tryKeychain) {
            try (Keyring k = Keyring.create()) {
                String v = k.getPassword(SERVICE, account);
                if (v != null && !v.isBlank()) {
                    return Optional.of(v.strip());
                }
            } catch (Exception | LinkageError e) {
                LOG.debug("No keychain to read the key from ({})", e.getClass().getSimpleName());
            }
        }
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                            .filter(s -> !s.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            LOG.warn("Could not read the saved key file {}", file);
            return Optional.empty();
        }
    }

    /** Saves the key; returns where it went, so Settings can say so. */
    public Where save(String key) throws IOException {
        if (tryKeychain) {
            try (Keyring k = Keyring.create()) {
                k.setPassword(SERVICE, account, key);
                Files.deleteIfExists(file);
                return Where.KEYCHAIN;
            } catch (Exception | LinkageError e) {
                LOG.info(
                        "No keychain available ({}); keeping the key in a private file",
                        e.getClass().getSimpleName());
            }
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(ownerOnly));
        }
        Files.writeString(tmp, key, StandardCharsets.UTF_8);
        AtomicFiles.replace(tmp, file);
        return Where.PRIVATE_FILE;
    }

    /** Where a key saved now would go: the keychain if one answers here, else the private file. */
    public Where destination() {
        if (tryKeychain) {
            try (Keyring k = Keyring.create()) {
                k.getPassword(SERVICE, account);
                return Where.KEYCHAIN;
            } catch (Exception | LinkageError e) {
                LOG.debug("No usable keychain ({})", e.getClass().getSimpleName());
            }
        }
        return Where.PRIVATE_FILE;
    }

    public void clear() throws IOException {
        if (tryKeychain) {
            try (Keyring k = Keyring.create()) {
                k.deletePassword(SERVICE, account);
            } catch (Exception | LinkageError e) {
                LOG.debug("No keychain entry to delete");
            }
        }
        Files.deleteIfExists(file);
    }

    public Path file() {
        return file;
    }
}
