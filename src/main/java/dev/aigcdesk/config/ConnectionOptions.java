package dev.aigcdesk.config;

import java.util.Map;
import java.util.Optional;

/**
 * Where the service is and which key to use, decided once: a command-line flag wins, then the
 * environment ({@code AIGC_DESK_API_BASE}, {@code AIGC_DESK_API_KEY}), then saved settings.
 */
public record ConnectionOptions(String baseUrl, String apiKey, KeySource keySource) {

    public static final String BASE_ENV = "AIGC_DESK_API_BASE";
    public static final String KEY_ENV = "AIGC_DESK_API_KEY";
    public static final String DEFAULT_BASE_URL = "https://api.chainhub.tech/";

    public enum KeySource {
        FLAG,
        ENVIRONMENT,
        SAVED,
        NONE
    }

    public static ConnectionOptions resolve(
            String flagBase, String flagKey, Map<String, String> env, String savedBase, String savedKey) {
        String base = first(flagBase, env.get(BASE_ENV), savedBase).orElse(DEFAULT_BASE_URL);
        KeySource source;
        String key;
        if (present(flagKey)) {
            source = KeySource.FLAG;
            key = flagKey;
        } else if (present(env.get(KEY_ENV))) {
            source = KeySource.ENVIRONMENT;
            key = env.get(KEY_ENV);
        } else if (present(savedKey)) {
            source = KeySource.SAVED;
            key = savedKey;
        } else {
            source = KeySource.NONE;
            key = null;
        }
        return new ConnectionOptions(base.strip(), key == null ? null : key.strip(), source);
    }

    public boolean hasKey() {
        return apiKey != null;
    }

    @Override
    public String toString() {
        return "ConnectionOptions[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "set") + ", keySource="
                + keySource + "]";
    }

    private static Optional<String> first(String... values) {
        for (String v : values) {
            if (present(v)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
