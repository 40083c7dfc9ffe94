package dev.aigcdesk.cli;

import dev.aigcdesk.demo.DemoCatalog;
import dev.aigcdesk.demo.DemoServer;
import dev.aigcdesk.domain.TaskId;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo-server", description = "Run the simulated service on its own, until Ctrl+C.")
public final class DemoServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 8765;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (DemoServer server = new DemoServer(DemoCatalog.standard(), Clock.systemUTC()).start(port)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "demo-server-stop"));
            out.println("Demo service running at " + server.baseUrl() + " (Ctrl+C to stop)");
            out.println("Point the app at it with --api-base " + server.baseUrl() + " and try these ids:");
            for (TaskId id : server.catalog().ids()) {
                out.println("  " + id);
            }
            out.flush();
            stopped.await();
        }
        return 0;
    }
}
