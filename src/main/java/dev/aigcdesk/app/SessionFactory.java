package dev.aigcdesk.app;

import java.io.IOException;

/** Opens a {@link Session} for the global options of a command; implemented by the composition root. */
@FunctionalInterface
public interface SessionFactory {

    Session open(SessionOptions options) throws IOException;
}
