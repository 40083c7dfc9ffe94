package dev.aigcdesk.cli;

import dev.aigcdesk.app.Session;
import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.domain.Catalog;
import dev.aigcdesk.io.AtomicFiles;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.sync.ArchiveExport;
import dev.aigcdesk.sync.TeamShelf;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "export",
        description = {
            "Write the whole library as JSON or CSV, or with --format files copy the archived outputs of the",
            "tasks the list filters select (and their sidecars) flat into --out DIR, never overwriting. Works offline."
        })
public final class ExportCommand implements Callable<Integer> {

    enum Format {
        json,
        csv,
        files
    }

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "json|csv|files", description = "json, csv, or files.")
    Format format;

    @Option(
            names = "--out",
            paramLabel = "FILE|DIR",
            description = "Write to FILE (default: stdout); for files, the folder to copy into.")
    Path outFile;

    @Mixin
    ListFilters filters;

    private final SessionFactory sessions;

    public ExportCommand(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Integer call() throws Exception {
        if (format == Format.files) {
            return exportFiles();
        }
        try (Session session = sessions.open(root.options())) {
            List<TaskRecord> all = session.ledger().list(TaskQuery.ALL);
            if (outFile == null) {
                PrintWriter w = spec.commandLine().getOut();
                write(session, all, w);
                w.flush();
                if (w.checkError()) {
                    // PrintWriter swallows write errors (a full disk behind a redirect): ask it, and say so.
                    spec.commandLine()
                            .getErr()
                            .println(
                                    "Error: the export to standard output could not be written completely (is the disk full?).");
                    return ExitCodes.STORAGE;
                }
            } else {
                Path target = outFile.toAbsolutePath();
                String refusal = refusal(target);
                if (refusal != null) {
                    spec.commandLine().getErr().println("Error: " + refusal);
                    return ExitCodes.USAGE;
                }
                Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
                try {
                    try (Writer w = new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8)) {
                        write(session, all, w);
                    }
                    AtomicFiles.replace(tmp, target);
                } finally {
                    Files.deleteIfExists(tmp);
                }
                spec.commandLine().getOut().println("Exported " + all.size() + " tasks to " + target);
            }
        }
        return ExitCodes.OK;
    }

    /** Copies the archived outputs (and sidecars) of the selected tasks flat into a folder; a name already there is skipped, never overwritten. */
    private int exportFiles() throws Exception {
        if (outFile == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format files needs --out DIR");
        }
        filters.check(spec);
        Path dir = outFile.toAbsolutePath();
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            spec.commandLine().getErr().println("Error: " + dir + " is not a folder.");
            return ExitCodes.USAGE;
        }
        ArchiveExport.Result r;
        try (Session session = sessions.open(root.options())) {
            List<TaskRecord> tasks =
                    session.ledger().list(filters.query(spec, session.clock().getZone(), 0));
            // In a team, files saved on other desktops come from the team's store first, each checked against its hash.
            Optional<TeamShelf> shelf = session.teamShelf();
            if (shelf.isPresent()) {
                TeamShelf.Pass p = shelf.get().fetch(tasks);
                if (p.problem() != null) {
                    spec.commandLine()
                            .getErr()
                            .println(p.failed() + " output(s) could not be fetched from the team's store: "
                                    + p.problem());
                }
            }
            r = ArchiveExport.copy(tasks, dir);
        }
        int copied = r.copied();
        int skipped = r.skipped();
        spec.commandLine()
                .getOut()
                .printf(
                        "Copied %d output%s to %s; skipped %d already there.%n",
                        copied, copied == 1 ? "" : "s", dir, skipped);
        return ExitCodes.OK;
    }

    /** Why the export may not go to {@code target}: only a new or existing regular file is written, never through a link. */
    private static String refusal(Path target) {
        if (Files.isSymbolicLink(target)) {
            return target + " is a symbolic link; export to a regular file.";
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return target + (Files.isDirectory(target) ? " is a folder" : " is not a regular file (a device or a pipe)")
                    + "; export to a file.";
        }
        if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
            return "the folder " + target.getParent() + " does not exist.";
        }
        return null;
    }

    private void write(Session session, List<TaskRecord> all, Writer w) throws IOException {
        if (format == Format.json) {
            w.write("[\n");
            for (int i = 0; i < all.size(); i++) {
                w.write("  " + session.json().write(LibraryJson.of(session.json(), all.get(i)))
                        + (i + 1 < all.size() ? ",\n" : "\n"));
            }
            w.write("]\n");
            return;
        }
        CSVFormat csv = CSVFormat.RFC4180
                .builder()
                .setHeader(
                        "taskId",
                        "kind",
                        "state",
                        "progress",
                        "model",
                        "modelVersion",
                        "prompt",
                        "negativePrompt",
                        "createTime",
                        "finishTime",
                        "addedAt",
                        "reach",
                        "error",
                        "fileUrls",
                        "localFiles",
                        "sha256")
                .get();
        try (CSVPrinter p = new CSVPrinter(w, csv)) {
            for (TaskRecord r : all) {
                var t = r.task();
                p.printRecord(
                        t.id(),
                        t.kind().wireName(),
                        t.state().wireName(),
                        t.progress(),
                        t.modelName(),
                        t.modelVersion(),
                        t.prompt(),
                        t.negativePrompt(),
                        t.times().created(),
                        t.times().finished(),
                        r.addedAt(),
                        r.reach().name().toLowerCase(Locale.ROOT),
                        t.failureInfo().map(f -> Catalog.english().failure(f)).orElse(null),
                        join(r.files(), f -> f.file().url()),
                        join(
                                r.files(),
                                f -> f.localPath() == null ? "" : f.localPath().toString()),
                        join(r.files(), f -> f.sha256Final() == null ? "" : f.sha256Final()));
            }
        }
    }

    private static String join(List<FileRecord> files, Function<FileRecord, String> f) {
        return files.stream().map(f).collect(Collectors.joining(" "));
    }
}
