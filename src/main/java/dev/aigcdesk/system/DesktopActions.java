package dev.aigcdesk.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands files to the operating system: open with the default app, or show in the file manager. */
public final class DesktopActions {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopActions.class);
    private final String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);

    /** Opens a file or URL with the user's default application. */
    public void open(String target) throws IOException {
        run(
                os.contains("win")
                        ? List.of("rundll32", "url.dll,FileProtocolHandler", target)
                        : os.contains("mac") ? List.of("open", target) : List.of("xdg-open", target));
    }

    /** Shows the file selected in its folder where the platform can, otherwise opens the folder. */
    public void reveal(Path file) throws IOException {
        if (os.contains("win")) {
            run(List.of("explorer.exe", "/select," + file));
        } else if (os.contains("mac")) {
            run(List.of("open", "-R", file.toString()));
        } else {
            Path folder = Files.isDirectory(file) ? file : file.getParent();
            run(List.of("xdg-open", folder.toString()));
        }
    }

    private static void run(List<String> command) throws IOException {
        LOG.debug("Running {}", command.get(0));
        new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
