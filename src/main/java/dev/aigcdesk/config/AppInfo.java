package dev.aigcdesk.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The app's name and version, taken from the pom at build time. */
public record AppInfo(String name, String version) {

    public static AppInfo load() {
        Properties p = new Properties();
        try (InputStream in = AppInfo.class.getResourceAsStream("/dev/aigcdesk/app.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Fall through to the defaults: a missing version must never stop the app.
        }
        return new AppInfo(p.getProperty("name", "AIGC Desk"), p.getProperty("version", "dev"));
    }
}
