package dev.aigcdesk.cli;

import dev.aigcdesk.app.SessionFactory;
import dev.aigcdesk.app.Session;

import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.TaskRecord;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "export", description = "Write the whole library as JSON or CSV. Works offline.")
public final class ExportCommand implements Callable<Integer> {

    enum Format { json, csv }

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "json|csv", description = "json or csv.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (default: stdout).")
    Path outFile;

    private final SessionFactory sessions;

    public ExportCommand(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Integer call() throws Exception {
        try (Session session = sessions.open(root.options())) {
            List<TaskRecord> all = session.ledger().list(TaskQuery.ALL);
            if (outFile == null) {
                Writer w = spec.commandLine().getOut();
                write(session, all, w);
                w.flush();
            } else {
                Path target = outFile.toAbsolutePath();
                Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
                try (Writer w = new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8)) {
                    write(session, all, w);
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                spec.commandLine().getOut().println("Exported " + all.size() + " tasks to " + target);
            }
        }
        return 0;
    }

    private void write(Session session, List<TaskRecord> all, Writer w) throws IOException {
        if (format == Format.json) {
            w.write("[\n");
            for (int i = 0; i < all.size(); i++) {
                w.write("  " + session.json().write(LibraryJson.of(session.json(), all.get(i))) + (i + 1 < all.size() ? ",\n" : "\n"));
            }
            w.write("]\n");
            return;
        }
        CSVFormat csv = CSVFormat.RFC4180.builder().setHeader("taskId", "kind", "state", "progress", "model", "modelVersion", "prompt",
                "negativePrompt", "createTime", "finishTime", "addedAt", "reach", "error", "fileUrls", "localFiles", "sha256").get();
        try (CSVPrinter p = new CSVPrinter(w, csv)) {
            for (TaskRecord r : all) {
                var t = r.task();
                p.printRecord(t.id(), t.kind().wireName(), t.state().wireName(), t.progress(), t.modelName(), t.modelVersion(), t.prompt(),
                        t.negativePrompt(), t.times().created(), t.times().finished(), r.addedAt(), r.reach().name().toLowerCase(java.util.Locale.ROOT),
                        t.failureInfo().map(f -> f.plainMessage()).orElse(null),
                        join(r.files(), f -> f.file().url()), join(r.files(), f -> f.localPath() == null ? "" : f.localPath().toString()),
                        join(r.files(), f -> f.sha256Final() == null ? "" : f.sha256Final()));
            }
        }
    }

    private static String join(List<FileRecord> files, java.util.function.Function<FileRecord, String> f) {
        return files.stream().map(f).collect(Collectors.joining(" "));
    }
}
