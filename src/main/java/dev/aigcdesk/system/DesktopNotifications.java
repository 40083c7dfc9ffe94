package dev.aigcdesk.system;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop's own notifications (freedesktop's, through {@code notify-send}, on Linux), for when
 * the window is not in front. Where the desktop has none, {@link #available()} says so and the
 * window shows its own cards instead.
 */
public final class DesktopNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopNotifications.class);
    private final boolean available;

    public DesktopNotifications() {
        boolean linux =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        available = linux && System.getenv("DBUS_SESSION_BUS_ADDRESS") != null && onPath("notify-send");
    }

    public boolean available() {
        return available;
    }

    /** Sends one notification; false when it could not be handed to the desktop. */
    public boolean send(String title, String text, boolean urgent) {
        if (!available) {
            return false;
        }
        try {
            new ProcessBuilder(List.of(
                            "notify-send",
                            "--app-name=AIGC Desk",
                            "--icon=aigc-desk",
                            "--urgency=" + (urgent ? "critical" : "normal"),
                            title,
                            text))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return true;
        } catch (IOException e) {
            LOG.warn("The desktop did not take a notification: {}", e.toString());
            return false;
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, command).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
