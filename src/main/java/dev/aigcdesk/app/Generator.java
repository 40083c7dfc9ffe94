package dev.aigcdesk.app;

import dev.aigcdesk.api.ApiException;
import dev.aigcdesk.api.CreateClient;
import dev.aigcdesk.api.CreateRequests;
import dev.aigcdesk.api.CreatedTask;
import dev.aigcdesk.domain.GenerationRequest;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.Lineage;
import dev.aigcdesk.library.TaskRecord;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts generations and remembers them: the service's new task goes into the library at once, with
 * the request sent and the task it came from, and the sync follows it like any other. Also works
 * out a task's parameters to generate it again.
 */
public final class Generator {

    private static final Logger LOG = LoggerFactory.getLogger(Generator.class);

    /** The library, opened on first use. */
    public interface LedgerSource {
        Library get() throws LibraryException;
    }

    private final Supplier<CreateClient> clients;
    private CreateClient client;
    private final LedgerSource ledger;
    private final CreateRequests requests;
    private final Clock clock;

    /** @param clients makes the HTTP client on the first generation (the window does not need it to start) */
    public Generator(Supplier<CreateClient> clients, LedgerSource ledger, CreateRequests requests, Clock clock) {
        this.clients = clients;
        this.ledger = ledger;
        this.requests = requests;
        this.clock = clock;
    }

    /**
     * Sends the request, then records the new task (waiting) in the library.
     *
     * @param parent the task this is generated again from, or null
     */
    public CreatedTask create(GenerationRequest request, TaskId parent)
            throws ApiException, InterruptedException, LibraryException {
        Library l =
                ledger.get(); // opened first: a library that cannot open must not cost a paid generation that it then
        // forgets
        CreatedTask created = client().create(request);
        LOG.info(
                "Started {} task {} (request {}){}",
                request.kind(),
                created.taskId(),
                created.requestId(),
                parent == null ? "" : " from " + parent);
        l.creations()
                .record(created.taskId(), request, created.sentJson(), created.requestId(), parent, clock.instant());
        return created;
    }

    /**
     * The parameters {@code id} was generated with: the request this app sent when it made it, or else
     * what the service's recorded answer shows. Empty when the library has not seen them yet (a task
     * added by id that has not been answered).
     */
    public Optional<GenerationRequest> recorded(TaskId id) throws LibraryException {
        Library l = ledger.get();
        Optional<TaskRecord> record = l.find(id);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        TaskKind kind = record.get().task().kind();
        if (kind != TaskKind.IMAGE && kind != TaskKind.VIDEO) {
            return Optional.empty();
        }
        Lineage lineage = l.creations().lineage(id);
        Optional<GenerationRequest> sent = lineage.request().flatMap(json -> requests.fromSentJson(kind, json));
        if (sent.isPresent()) {
            return sent;
        }
        Library.RawAnswers raw = l.raw(id);
        return requests.fromAnswer(kind, raw.latest()).or(() -> requests.fromAnswer(kind, raw.firstFinish()));
    }

    private synchronized CreateClient client() {
        if (client == null) {
            client = clients.get();
        }
        return client;
    }

    public Lineage lineage(TaskId id) throws LibraryException {
        return ledger.get().creations().lineage(id);
    }
}
