package dev.aigcdesk.ui.shell;

import dev.aigcdesk.system.DesktopActions;
import dev.aigcdesk.system.DesktopNotifications;
import dev.aigcdesk.system.DroppedText;
import dev.aigcdesk.system.PosterFrames;
import dev.aigcdesk.ui.common.OsDesktop;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The window's door to this machine's desktop, through the system package. */
final class SystemDesktop implements OsDesktop {

    private final DesktopActions actions = new DesktopActions();
    private final DesktopNotifications notifications = new DesktopNotifications();
    private final PosterFrames posters = new PosterFrames();

    @Override
    public void open(String target) throws IOException {
        actions.open(target);
    }

    @Override
    public void reveal(Path file) throws IOException {
        actions.reveal(file);
    }

    @Override
    public String readDropped(List<Path> files) throws IOException {
        return DroppedText.read(files);
    }

    @Override
    public Optional<BufferedImage> posterFrame(Path video) {
        return posters.grab(video);
    }

    @Override
    public boolean notify(String title, String text, boolean urgent) {
        return notifications.send(title, text, urgent);
    }
}
