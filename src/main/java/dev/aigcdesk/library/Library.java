package dev.aigcdesk.library;

import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.Look;
import dev.aigcdesk.domain.Reach;
import dev.aigcdesk.domain.TaskId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The designer's permanent record, as everything above storage sees it: every task they added, every
 * answer the service gave, where each output sits, and what they said about it. A port: one designer's
 * library is a SQLite file ({@code library.sqlite}); nothing here names an engine.
 */
public interface Library extends AutoCloseable {

    /** Stars, tags and collections. */
    Curator curator();

    /** Generations started from the app, and their lineage. */
    Creations creations();

    /** Taking tasks out, and putting them back (Undo). */
    Removals removals();

    /** Where the library lives, as a person would look for it (a file, a server). */
    String location();

    /** In a library shared by a team: the name this desktop goes by there; empty in one's own library. */
    default Optional<String> sharedAs() {
        return Optional.empty();
    }

    // ---- adding and what the service said

    AddResult add(Collection<TaskId> ids, Instant now) throws LibraryException;

    /** Records one answer at once: the task's fields, its files (keeping what the archive knows of them), and the raw JSON. */
    Change recordAnswer(GenerationTask task, String rawJson, Instant now) throws LibraryException;

    /** Records a failed query; returns how many "not found" answers in a row the task has had. */
    int recordQueryError(TaskId id, String message, boolean notFound, Instant now) throws LibraryException;

    void setReach(TaskId id, Reach reach, String why) throws LibraryException;

    // ---- the archive

    /** Notes where a file is about to be placed, before the move, so a crash in between is recognised on restart. */
    void planArchive(
            TaskId id, int n, Path path, long size, String sha256Download, String sha256Final, Set<String> flags)
            throws LibraryException;

    /** The pixels an archived picture has (read from its header): the service does not say them for images. */
    default void recordPixels(TaskId id, int n, int width, int height) throws LibraryException {
        recordPixels(List.of(new Pixels(id, n, width, height)));
    }

    /** Several files' pixels at once (measuring a library saved by an older version: thousands). */
    void recordPixels(List<Pixels> files) throws LibraryException;

    /** A saved video's length as its own header says it; it wins over the service's metadata from then on. */
    void recordDuration(TaskId id, int n, double seconds) throws LibraryException;

    void markArchived(TaskId id, int n, Instant now) throws LibraryException;

    void markFile(TaskId id, int n, ArchiveState state, String error) throws LibraryException;

    // ---- how pictures look

    /** Notes how saved pictures look; a look never seen whole means "looked at, could not be read". */
    void recordLooks(List<Looked> looks) throws LibraryException;

    /** Saved pictures and videos never looked at, a batch at a time. */
    List<FileRecord> filesWithoutLook(int limit) throws LibraryException;

    /** How many saved pictures and videos were never looked at. */
    int filesWithoutLookCount() throws LibraryException;

    /** Every saved picture whose look was taken, for finding pictures by look. */
    List<LookRow> looks() throws LibraryException;

    // ---- reading

    /** Files of finished tasks that are not saved yet and not given up on, the soonest to expire first. */
    List<FileRecord> filesToArchive() throws LibraryException;

    int filesToArchiveCount() throws LibraryException;

    /** Saved files whose pixels were never noted, a batch at a time. */
    List<FileRecord> filesWithoutPixels(int limit) throws LibraryException;

    Optional<TaskRecord> find(TaskId id) throws LibraryException;

    /** The latest raw answer and the first FINISH answer, exactly as the service sent them. */
    RawAnswers raw(TaskId id) throws LibraryException;

    List<TaskRecord> list(TaskQuery q) throws LibraryException;

    int count(TaskQuery q) throws LibraryException;

    /** The sort date and picture shape of every task {@code q} lists, in its order: what the gallery lays its rows out by. */
    TaskShapes shapes(TaskQuery q) throws LibraryException;

    /** Tasks the service may still change and can still be asked about ({@link Reach#stillFollowed}). */
    List<TaskRecord> activeTasks() throws LibraryException;

    int activeCount() throws LibraryException;

    /** How many tasks each keep-safe view holds: lost, not saved yet, and not saved with a link dying before {@code riskBefore}. */
    int[] keepSafeCounts(Instant riskBefore) throws LibraryException;

    /** Every value a filter column holds, for the window's filters. */
    List<String> distinct(Facet facet) throws LibraryException;

    /** Everything the sidebar offers, with its counts. */
    default Facets facets() throws LibraryException {
        return new Facets(
                curator().collections(),
                curator().tags(),
                count(TaskQuery.of(LibraryFilter.NONE.withStars(1))),
                distinct(Facet.MODEL),
                distinct(Facet.ASPECT_RATIO),
                distinct(Facet.RESOLUTION));
    }

    // ---- what changes

    /**
     * Calls {@code listener} after each change is kept, on the thread that made it (quickly: hand work on).
     * Closing the returned handle stops the calls.
     */
    AutoCloseable onChange(Consumer<LibraryEvent> listener);

    // ---- who refreshes it

    /**
     * The work this process does in one pass: the running tasks to ask about and the files to save. A
     * desktop's own library gives all of it (its sync lock keeps other processes out); a shared one gives
     * this process its share, leased for {@code lease}, so each task is asked about by one desktop at a time.
     */
    default Work claimWork(Duration lease) throws LibraryException {
        return new Work(activeTasks(), null, 1);
    }

    /** Keeps this process's leases another {@code lease} (a long download must not let another desktop take its task). */
    default void renewClaims(Duration lease) throws LibraryException {}

    /**
     * The library's sync lock: only one process refreshes and archives a desktop's own library at a time; empty
     * while another holds it. A shared library's is not exclusive (its work is leased task by task): holding
     * it registers this process as one that shares the work, and closing it hands its tasks back at once.
     */
    Optional<SyncLock> tryLockSync() throws LibraryException;

    /** Who holds the sync lock, as far as can be told ("unknown" otherwise); on a shared library, who shares the work now. */
    String syncLockHolder();

    @Override
    void close();

    /** The filters whose values the sidebar lists. */
    enum Facet {
        MODEL,
        ASPECT_RATIO,
        RESOLUTION
    }

    /** Held while this process refreshes and archives the library. */
    interface SyncLock extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * One pass's work.
     *
     * @param active     the running tasks to ask about
     * @param held       the tasks this process works on (their files are its to save), or null for all of them
     * @param refreshers how many processes share the library's work now (this one included): each asks the
     *                   service at that share of the rate, so the rate limit holds for all of them together
     */
    record Work(List<TaskRecord> active, Set<TaskId> held, int refreshers) {
        public Work {
            active = List.copyOf(active);
            held = held == null ? null : Set.copyOf(held);
        }

        /** Those of the files waiting to be saved (read after the pass asked the service) that are this process's. */
        public List<FileRecord> filesOf(List<FileRecord> waiting) {
            return held == null
                    ? waiting
                    : waiting.stream().filter(f -> held.contains(f.taskId())).toList();
        }
    }

    /** How one saved file looks. */
    record Looked(TaskId id, int n, Look look) {}

    /** A saved picture's look with what ranking it needs: its bytes' hash, size, stars and prompt. */
    record LookRow(TaskId id, int n, String sha256, long pixels, int stars, String prompt, Look look) {}

    /** A saved file's pixels; 0×0 for "looked, unknown". */
    record Pixels(TaskId id, int n, int width, int height) {}

    /** Before and after one recorded answer. {@code before} is null for a task seen for the first time. */
    record Change(TaskRecord before, TaskRecord after) {
        public boolean stateChanged() {
            return before == null || before.task().state() != after.task().state();
        }

        public boolean progressChanged() {
            return stateChanged() || before.task().progress() != after.task().progress();
        }
    }

    /** The service's own words about a task. Either may be null. */
    record RawAnswers(String latest, String firstFinish) {}
}
