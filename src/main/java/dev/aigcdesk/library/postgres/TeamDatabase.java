package dev.aigcdesk.library.postgres;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where a team's library lives: {@code postgresql://HOST:PORT/DB?user=U&password=P}, as a studio's
 * technical lead writes it. The password is kept apart from everything that is shown or logged.
 */
public record TeamDatabase(String host, int port, String database, String user, String password) {

    public TeamDatabase {
        if (host == null || host.isBlank() || database == null || database.isBlank()) {
            throw new IllegalArgumentException("A team database needs a host and a database name");
        }
    }

    /** Reads {@code postgresql://HOST[:PORT]/DB?user=U&password=P} (also {@code postgres://} and {@code jdbc:postgresql://}). */
    public static TeamDatabase parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.startsWith("jdbc:")) {
            s = s.substring(5);
        }
        URI uri;
        try {
            uri = URI.create(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a database address: write it as postgresql://HOST:PORT/DB?user=U");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException(
                    "A team database address starts with postgresql:// (for example postgresql://db.studio:5432/aigc?user=desk)");
        }
        String db = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || db.isEmpty()) {
            throw new IllegalArgumentException(
                    "The address names no host or database: postgresql://HOST:PORT/DB?user=U");
        }
        Map<String, String> q = query(uri.getRawQuery());
        String user = q.get("user");
        String password = q.get("password");
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : password;
        }
        return new TeamDatabase(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, db, user, password);
    }

    /** The same database with this password (entered in Settings, or read from where it is kept). */
    public TeamDatabase withPassword(String pw) {
        return new TeamDatabase(host, port, database, user, pw);
    }

    /** The address as shown and stored: never the password. */
    public String shown() {
        return "postgresql://" + host + ":" + port + "/" + database + (user == null ? "" : "?user=" + user);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    Properties properties(String applicationName) {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", applicationName);
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "30");
        p.setProperty("tcpKeepAlive", "true");
        return p;
    }

    @Override
    public String toString() {
        return shown();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
