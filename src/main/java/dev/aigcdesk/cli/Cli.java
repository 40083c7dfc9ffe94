package dev.aigcdesk.cli;

import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.app.WindowOpener;
import dev.aigcdesk.library.LibraryException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Builds and runs the command line. Output is always UTF-8, so prompts in any script print right. */
public final class Cli {

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private final SessionFactory sessions;
    private final WindowOpener windows;

    public Cli(SessionFactory sessions, WindowOpener windows) {
        this.sessions = sessions;
        this.windows = windows;
    }

    /** A command line without a window (tests, and machines without a display). */
    public Cli(SessionFactory sessions) {
        this(sessions, null);
    }

    public CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cmd = new CommandLine(RootCommand.class, new CommandFactory(sessions, windows));
        cmd.setOut(new PrintWriter(new TerminalSafeWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), true));
        cmd.setErr(new PrintWriter(new TerminalSafeWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8)), true));
        cmd.setExecutionStrategy(parseResult -> {
            RootCommand root = parseResult.commandSpec().commandLine().getCommand();
            if (root.global() == null || !root.global().verbose()) {
                return new CommandLine.RunLast().execute(parseResult);
            }
            try (AutoCloseable verbose = VerboseLogging.enable(err)) {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (CommandLine.ParameterException | CommandLine.ExecutionException e) {
                throw e;
            } catch (Exception e) {
                throw new CommandLine.ExecutionException(cmd, "Could not stop verbose logging", e);
            }
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            LOG.error("Command failed", ex);
            commandLine
                    .getErr()
                    .println(
                            "Error: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
            return exitCodeOf(ex);
        });
        return cmd;
    }

    /** A failure's exit code: the lock and the disk have their own, so scripts can tell them apart. */
    static int exitCodeOf(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof LibraryException le) {
                return switch (le.kind()) {
                    case LOCKED -> ExitCodes.LOCKED;
                    case STORAGE -> ExitCodes.STORAGE;
                    case UNREACHABLE -> ExitCodes.UNREACHABLE;
                    default -> ExitCodes.FAILED;
                };
            }
        }
        return ExitCodes.FAILED;
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cmd = commandLine(out, err);
        int code = cmd.execute(args);
        cmd.getOut().flush();
        // Standard output swallows write errors (a full disk behind a redirect, a closed pipe): ask it, and never
        // report success then.
        if (out.checkError() && code == ExitCodes.OK) {
            err.println("Error: the output could not be written completely (is the disk full, or the pipe closed?).");
            return ExitCodes.STORAGE;
        }
        return code;
    }
}
