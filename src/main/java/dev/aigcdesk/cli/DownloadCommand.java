package dev.aigcdesk.cli;

import dev.aigcdesk.api.ApiException;
import dev.aigcdesk.app.Session;
import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.OutputFile;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.download.ArchiveNames;
import dev.aigcdesk.download.DownloadException;
import dev.aigcdesk.download.DownloadProgress;
import dev.aigcdesk.download.DownloadRequest;
import dev.aigcdesk.download.DownloadResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "download",
        description = {
            "Save every output of finished tasks into a folder.",
            "Files are named <taskId>-<n>.<ext>; a file already there with the same bytes is skipped."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every output of every id was saved", "1:something could not be saved", "2:usage error"})
public final class DownloadCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DownloadCommand.class);

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Task ids.")
    List<String> ids;

    @Option(names = "--to", paramLabel = "DIR", description = "Folder to save into (default: the current folder).")
    Path to = Path.of("");

    private final SessionFactory sessions;

    public DownloadCommand(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Integer call() throws Exception {
        List<TaskId> taskIds = CliIds.parseAll(spec, ids);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path folder = to.toAbsolutePath().normalize();
        int problems = 0;
        try (Session session = sessions.open(root.options())) {
            for (TaskId id : taskIds) {
                GenerationTask task;
                try {
                    task = session.queryClient().query(id).task();
                } catch (ApiException e) {
                    problems++;
                    LOG.warn(
                            "Query of {} failed before download: {} {}",
                            id,
                            e.getMessage(),
                            e.details().describe());
                    err.println(id + ": " + e.getMessage() + " [" + e.code() + "]");
                    continue;
                }
                if (task.state() != TaskState.SUCCEEDED) {
                    problems++;
                    err.println(id + ": nothing to download, the task is "
                            + task.state().wireName() + (task.state().isActive() ? " (" + task.progress() + "%)" : "")
                            + ".");
                    continue;
                }
                int n = 1;
                for (OutputFile file : task.outputs()) {
                    String name = ArchiveNames.file(task, n++, file.type(), Instant.now(), ZoneId.systemDefault());
                    if (file.expiry().filter(e -> e.isBefore(Instant.now())).isPresent()) {
                        problems++;
                        err.println(id + ": " + name + " expired at " + file.expireTime()
                                + " and is gone from the server.");
                        continue;
                    }
                    try {
                        DownloadResult r = session.downloader()
                                .download(
                                        new DownloadRequest(file.url(), folder, name, file.size()),
                                        DownloadProgress.NONE);
                        out.println((r.alreadyPresent() ? "Already saved " : "Saved ") + r.file() + " (" + r.size()
                                + " bytes, sha256 " + r.sha256().substring(0, 12) + "…)");
                    } catch (DownloadException e) {
                        problems++;
                        LOG.warn("Download of {} for {} failed: {}", name, id, e.getMessage());
                        err.println(id + ": " + e.getMessage());
                    }
                    out.flush();
                }
            }
        }
        err.flush();
        return problems == 0 ? 0 : 1;
    }
}
