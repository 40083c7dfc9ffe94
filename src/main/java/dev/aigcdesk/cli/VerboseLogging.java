package dev.aigcdesk.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code --verbose}: the log also goes to the command's stderr, with the app's own debug lines, until closed. */
final class VerboseLogging implements AutoCloseable {

    private final OutputStreamAppender<ILoggingEvent> appender;
    private final ch.qos.logback.classic.Logger root;
    private final ch.qos.logback.classic.Logger app;
    private final Level previousAppLevel;

    private VerboseLogging(LoggerContext context, PrintStream err) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n");
        encoder.start();
        appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName("verbose-stderr");
        appender.setEncoder(encoder);
        // The command's stream is not ours to close when logging stops.
        appender.setOutputStream(new FilterOutputStream(err) {
            @Override
            public void close() {
                flushQuietly(out);
            }
        });
        appender.start();
        root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        app = context.getLogger("dev.aigcdesk");
        previousAppLevel = app.getLevel();
        root.addAppender(appender);
        app.setLevel(Level.DEBUG);
    }

    static AutoCloseable enable(PrintStream err) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            return new VerboseLogging(context, err);
        }
        return () -> {};
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        app.setLevel(previousAppLevel);
    }

    private static void flushQuietly(OutputStream out) {
        try {
            out.flush();
        } catch (IOException ignored) {
            // stderr that cannot be flushed has nowhere to report to
        }
    }
}
