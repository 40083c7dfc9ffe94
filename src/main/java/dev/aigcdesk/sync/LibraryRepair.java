package dev.aigcdesk.sync;

import dev.aigcdesk.api.ApiException;
import dev.aigcdesk.api.QueryClient;
import dev.aigcdesk.api.QueryResult;
import dev.aigcdesk.api.SavedAnswer;
import dev.aigcdesk.api.TaskJson;
import dev.aigcdesk.api.TaskNotFoundException;
import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.OutputConfig;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.domain.TaskTimes;
import dev.aigcdesk.download.Hashes;
import dev.aigcdesk.library.Curation;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.LibraryRescue;
import dev.aigcdesk.library.Salvaged;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a damaged library. The damaged file is kept aside, and a new library is filled from, in
 * turn: the rows SQL can still read; the rows found page by page below SQL, with the service's
 * answers they saved; the archive itself (the task in every PNG, JPEG and sidecar, with its stars,
 * tags and collections); and, for task ids that are left in the bytes without their row, the service,
 * asked again while it still answers (3 days). Every archived file is linked to its task again.
 */
public final class LibraryRepair {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryRepair.class);
    /** Where the tasks the service told again are put, so the designer sees what came back that way. */
    public static final String RECOVERED_COLLECTION = "Recovered by repair";

    /**
     * What the rebuild did.
     *
     * @param keptAside   the damaged file, kept; null when there was none
     * @param found       tasks known to have existed: the damaged file's own count, or every id seen, whichever is larger
     * @param tasks       tasks in the rebuilt library with what the service said about them (their prompt)
     * @param fromAnswers tasks rebuilt from the service's answers saved in the damaged file
     * @param fromArchive tasks rebuilt from the archived files alone
     * @param fromService tasks the service told again
     * @param fromIndex   tasks of which only the words survive (the search index's copy): prompt, negative prompt, model
     * @param files       archived files linked to their tasks again
     * @param gone        ids that nothing could bring back: no row, no file, and the service no longer knows them
     * @param unasked     ids whose row is lost and the service could not be asked now; they are in the library, and sync asks again
     */
    public record Result(
            String keptAside,
            int found,
            int tasks,
            int fromAnswers,
            int fromArchive,
            int fromService,
            int fromIndex,
            int files,
            List<TaskId> gone,
            List<TaskId> unasked) {
        public boolean complete() {
            return tasks >= found && gone.isEmpty() && unasked.isEmpty();
        }
    }

    /** How far repair has got asking the service again (thousands of lost rows take minutes at the service's rate). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> {};

        /** About to ask about the {@code done}-th of {@code total} ids whose rows are lost. */
        void asking(int done, int total);
    }

    private final Clock clock;
    private final QueryClient service;
    private final Progress progress;

    /** @param service asked about ids whose rows are lost; null to rebuild from the disk alone */
    public LibraryRepair(Clock clock, QueryClient service, Progress progress) {
        this.clock = clock;
        this.service = service;
        this.progress = progress;
    }

    public LibraryRepair(Clock clock, QueryClient service) {
        this(clock, service, Progress.NONE);
    }

    public LibraryRepair(Clock clock) {
        this(clock, null);
    }

    public Result rebuild(LibraryRescue rescue, Store archive)
            throws LibraryException, IOException, InterruptedException {
        Salvaged salvage = rescue.setAsideAndRead();
        List<ArchiveScan.Found> archived = archive == null ? List.of() : new ArchiveScan(new TaskJson()).scan(archive);
        Set<TaskId> seen = new LinkedHashSet<>();
        salvage.tasks().forEach(s -> seen.add(s.id()));
        seen.addAll(salvage.ids());
        archived.forEach(a -> seen.add(a.task().id()));
        int fromAnswers = 0;
        int fromArchive = 0;
        int fromService = 0;
        int fromIndex = 0;
        int files = 0;
        List<TaskId> gone = new ArrayList<>();
        List<TaskId> unasked = new ArrayList<>();
        try (Library ledger = rescue.openFresh()) {
            for (Salvaged.Task s : salvage.tasks()) {
                ledger.add(List.of(s.id()), s.addedAt());
                fromAnswers += replay(ledger, s.id(), s.rawFirstFinish(), s.rawLatest());
                if (!s.curation().equals(Curation.NONE)) {
                    ledger.curator().restore(s.id(), s.curation());
                }
                for (Salvaged.File f : s.files()) {
                    if (f.archived()
                            && relink(
                                    ledger,
                                    s.id(),
                                    f.index(),
                                    f.localPath(),
                                    f.sha256Download(),
                                    f.sha256Final(),
                                    flags(f.flags()))) {
                        files++;
                    }
                }
            }
            for (Map.Entry<TaskId, List<String>> e : salvage.answers().entrySet()) {
                if (!answered(ledger, e.getKey())) {
                    fromAnswers += replayBest(ledger, e.getKey(), e.getValue());
                }
            }
            Map<TaskId, ArchiveScan.Found> partial = new LinkedHashMap<>();
            boolean shared = ledger.sharedAs().isPresent();
            Set<TaskId> broughtBack = new LinkedHashSet<>();
            for (ArchiveScan.Found a : archived) {
                TaskId id = a.task().id();
                if (!a.complete()) {
                    partial.putIfAbsent(id, a);
                } else if (!answered(ledger, id)) {
                    ledger.add(List.of(id), addedAt(a.task()));
                    ledger.recordAnswer(a.task(), null, clock.instant());
                    broughtBack.add(id);
                    fromArchive++;
                }
            }
            List<TaskId> toAsk = new ArrayList<>();
            for (TaskId id : seen) {
                if (!answered(ledger, id)) {
                    toAsk.add(id);
                }
            }
            int asked = 0;
            for (TaskId id : toAsk) {
                progress.asking(++asked, toAsk.size());
                Asked answer = ask(id);
                if (answer.result() != null) {
                    ledger.add(List.of(id), addedAt(answer.result().task()));
                    ledger.recordAnswer(answer.result().task(), answer.result().rawJson(), clock.instant());
                    ledger.curator().addToCollection(RECOVERED_COLLECTION, List.of(id));
                    fromService++;
                } else if (partial.containsKey(id)) {
                    GenerationTask t = partial.get(id).task();
                    ledger.add(List.of(id), addedAt(t));
                    ledger.recordAnswer(t, null, clock.instant());
                    broughtBack.add(id);
                    fromArchive++;
                } else if (salvage.words().containsKey(id)) {
                    // Only its words survive (the search index's copy): the prompt, the negative prompt and the model,
                    // kept.
                    GenerationTask t = fromWords(id, salvage.words().get(id));
                    ledger.add(List.of(id), clock.instant());
                    ledger.recordAnswer(t, null, clock.instant());
                    fromIndex++;
                } else if (answer.unknown()) {
                    gone.add(id);
                } else {
                    // Kept as an id: sync asks about it again, and the service may still answer for up to 3 days.
                    ledger.add(List.of(id), clock.instant());
                    ledger.curator().addToCollection(RECOVERED_COLLECTION, List.of(id));
                    unasked.add(id);
                }
            }
            for (ArchiveScan.Found a : archived) {
                TaskId id = a.task().id();
                if (!alreadyLinked(ledger, id, a.index())
                        && relink(ledger, id, a.index(), a.file(), null, Hashes.sha256(a.file()), Set.of())) {
                    files++;
                }
                // On a shared library the others' curation since stands: a file's stars and tags come back only
                // with a task the library had lost.
                if (!shared || broughtBack.contains(id)) {
                    restoreCuration(ledger, id, a.curation());
                }
            }
            int tasks = (int) ledger.list(TaskQuery.ALL).stream()
                    .filter(TaskRecord::wasAnswered)
                    .count();
            int found = Math.max(salvage.expected(), seen.size());
            LOG.warn(
                    "Rebuilt {} (damaged copy: {}): {} of {} tasks ({} from saved answers, {} from the archive, {} from the service, {} from the "
                            + "search index), {} archived files; {} gone, {} not asked",
                    ledger.location(),
                    salvage.keptAside(),
                    tasks,
                    found,
                    fromAnswers,
                    fromArchive,
                    fromService,
                    fromIndex,
                    files,
                    gone.size(),
                    unasked.size());
            return new Result(
                    salvage.keptAside(),
                    found,
                    tasks,
                    fromAnswers,
                    fromArchive,
                    fromService,
                    fromIndex,
                    files,
                    List.copyOf(gone),
                    List.copyOf(unasked));
        }
    }

    /** What the service said about an id: its task, or that it does not know it, or nothing (it could not be asked). */
    private record Asked(QueryResult result, boolean unknown) {}

    private Asked ask(TaskId id) throws InterruptedException {
        if (service == null) {
            return new Asked(null, false);
        }
        try {
            return new Asked(service.query(id), false);
        } catch (TaskNotFoundException e) {
            return new Asked(null, true);
        } catch (ApiException e) {
            LOG.info("Repair could not ask the service about {}: {} {}", id, e.code(), e.getMessage());
            return new Asked(null, false);
        }
    }

    /** A task of which only the search index's words are left: its state is not known, so it says so. */
    private static GenerationTask fromWords(TaskId id, Salvaged.Words w) {
        String model = w.model() == null || w.model().isBlank() ? null : w.model();
        int space = model == null ? -1 : model.lastIndexOf(' ');
        return new GenerationTask(
                id,
                id.kind(),
                TaskState.UNKNOWN,
                0,
                w.prompt(),
                w.negativePrompt(),
                null,
                space > 0 ? model.substring(0, space) : model,
                space > 0 ? model.substring(space + 1) : null,
                null,
                null,
                null,
                OutputConfig.EMPTY,
                List.of(),
                new TaskTimes(null, null, null),
                null,
                null,
                List.of());
    }

    private Instant addedAt(GenerationTask t) {
        return t.times().created() != null ? t.times().created() : clock.instant();
    }

    private static boolean answered(Library ledger, TaskId id) throws LibraryException {
        return ledger.find(id).map(TaskRecord::wasAnswered).orElse(false);
    }

    /** Stars, tags and collections a file carries, for a task the rebuilt library has none for. */
    private static void restoreCuration(Library ledger, TaskId id, Curation fromFile) throws LibraryException {
        if (fromFile.equals(Curation.NONE)) {
            return;
        }
        Optional<TaskRecord> r = ledger.find(id);
        if (r.isEmpty()) {
            return;
        }
        Curation now = r.get().curation();
        Set<String> tags = new LinkedHashSet<>(now.tags());
        tags.addAll(fromFile.tags());
        Set<String> collections = new LinkedHashSet<>(now.collections());
        collections.addAll(fromFile.collections());
        Curation merged =
                new Curation(Math.max(now.stars(), fromFile.stars()), List.copyOf(tags), List.copyOf(collections));
        if (!merged.equals(now)) {
            ledger.curator().restore(id, merged);
        }
    }

    private boolean alreadyLinked(Library ledger, TaskId id, int index) throws LibraryException {
        return ledger.find(id)
                .map(r -> r.files().stream().anyMatch(f -> f.index() == index && f.isArchived()))
                .orElse(false);
    }

    /** Links a file on disk to its output again, if the output exists and the file is the one recorded (when a hash was recorded). */
    private boolean relink(
            Library ledger, TaskId id, int index, Path file, String shaDownload, String shaFinal, Set<String> flags)
            throws LibraryException, IOException {
        if (!Files.isRegularFile(file)
                || shaFinal == null
                || !Hashes.sha256(file).equals(shaFinal)) {
            return false;
        }
        TaskRecord r = ledger.find(id).orElse(null);
        if (r == null || r.files().stream().map(FileRecord::index).noneMatch(i -> i == index)) {
            return false;
        }
        ledger.planArchive(id, index, file, Files.size(file), shaDownload, shaFinal, flags);
        ledger.markArchived(id, index, clock.instant());
        return true;
    }

    private static Set<String> flags(String flags) {
        return flags == null || flags.isBlank() ? Set.of() : Set.of(flags.split(","));
    }

    /** Of several saved answers for one task (old copies of its row survive in free pages and the -wal), the furthest along. */
    private int replayBest(Library ledger, TaskId id, List<String> answers) throws LibraryException {
        List<GenerationTask> read = new ArrayList<>();
        Map<GenerationTask, String> rawOf = new LinkedHashMap<>();
        for (String raw : answers) {
            try {
                GenerationTask t = SavedAnswer.parse(id, raw);
                read.add(t);
                rawOf.put(t, raw);
            } catch (ApiException e) {
                LOG.info("A saved answer for {} found in the damaged file could not be read: {}", id, e.getMessage());
            }
        }
        Optional<GenerationTask> best = read.stream()
                .max(Comparator.comparing((GenerationTask t) -> !t.state().isActive())
                        .thenComparingInt(GenerationTask::progress));
        if (best.isEmpty()) {
            return 0;
        }
        ledger.add(List.of(id), addedAt(best.get()));
        ledger.recordAnswer(best.get(), rawOf.get(best.get()), clock.instant());
        return 1;
    }

    private int replay(Library ledger, TaskId id, String... raws) throws LibraryException {
        int used = 0;
        for (String raw : raws) {
            if (raw == null) {
                continue;
            }
            try {
                ledger.recordAnswer(SavedAnswer.parse(id, raw), raw, clock.instant());
                used = 1;
            } catch (ApiException e) {
                LOG.info("A saved answer for {} could not be read again: {}", id, e.getMessage());
            }
        }
        return used;
    }
}
