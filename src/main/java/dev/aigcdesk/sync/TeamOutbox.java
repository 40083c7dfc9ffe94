package dev.aigcdesk.sync;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.Removal;
import dev.aigcdesk.library.TaskQuery;
import dev.aigcdesk.library.TaskRecord;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The refreshing desktop's own copy of the team tasks that still run or wait to be saved, in a library on
 * this desktop. While the team's database cannot be reached, this desktop goes on refreshing and saving
 * them here; when it answers again, what was learned is handed over (newer answers and saved files only,
 * so nothing is doubled and nothing newer is overwritten).
 */
public final class TeamOutbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TeamOutbox.class);

    private final Library outbox;
    private final SyncEvents events;
    /** What the outbox holds of each task it keeps, as last copied: a task is copied again only when it moved. */
    private final Map<TaskId, String> copied = new ConcurrentHashMap<>();
    /** Set after a pass without the team, and on start (a desktop may have closed during an outage). */
    private volatile boolean handBack = true;
    /** After a hand-over, every task in the outbox is looked at once, not only those copied in this session. */
    private volatile boolean lookEverywhere = true;

    /** @param events where the tasks handed over are told (the window shows them as they now are) */
    public TeamOutbox(Library outbox, SyncEvents events) {
        this.outbox = outbox;
        this.events = events;
    }

    /** The library the outage passes refresh and archive into. */
    public Library ledger() {
        return outbox;
    }

    /** A pass ran without the team: what it learned is handed over at the next {@link #keep}. */
    public void away() {
        handBack = true;
    }

    /** Tasks the outbox holds now: running, waiting to be saved, or saved here while the team was away. */
    public int size() throws LibraryException {
        return outbox.count(TaskQuery.ALL);
    }

    /**
     * Before a pass on the team: hands over what was learned while it was away (before the team's own pass
     * asks the service and saves the same files again).
     *
     * @return how many tasks were handed over
     */
    public int handBack(Library team) throws LibraryException {
        if (!handBack) {
            return 0;
        }
        int handed = handOver(team);
        handBack = false;
        lookEverywhere = true;
        return handed;
    }

    /** After a pass on the team: keeps a copy of this desktop's share of the work ({@code mine}), and lets go of the rest. */
    public void keep(Library team, Library.Work mine) throws LibraryException {
        Map<TaskId, TaskRecord> running = new LinkedHashMap<>();
        for (TaskRecord r : mine.active()) {
            running.put(r.id(), r);
        }
        Set<TaskId> kept = new HashSet<>(running.keySet());
        for (FileRecord f : mine.filesOf(team.filesToArchive())) {
            if (kept.add(f.taskId()) && !copied.containsKey(f.taskId())) {
                team.find(f.taskId()).ifPresent(r -> running.put(r.id(), r));
            }
        }
        for (TaskRecord r : running.values()) {
            String stamp = stamp(r);
            if (!stamp.equals(copied.get(r.id()))) {
                copyIn(team, r);
                copied.put(r.id(), stamp);
            }
        }
        Set<TaskId> done = new HashSet<>(lookEverywhere ? ids() : copied.keySet());
        lookEverywhere = false;
        done.removeAll(kept);
        if (!done.isEmpty()) {
            outbox.removals().removeAll(done);
            copied.keySet().removeAll(done);
        }
    }

    private int handOver(Library team) throws LibraryException {
        int handed = 0;
        for (TaskRecord mine : outbox.list(TaskQuery.ALL)) {
            Optional<TaskRecord> theirs = team.find(mine.id());
            // A task the team no longer has was removed there on purpose: it is not put back from here.
            if (theirs.isPresent() && LibraryPush.forward(outbox, team, mine, theirs.get())) {
                handed++;
                Optional<TaskRecord> now = team.find(mine.id());
                if (now.isPresent()) {
                    events.publish(new SyncEvent.TaskChanged(theirs.get(), now.get()));
                }
            }
        }
        if (handed > 0) {
            LOG.info("Handed {} task(s) refreshed or saved while the team library was away to the team", handed);
        }
        return handed;
    }

    private void copyIn(Library team, TaskRecord r) throws LibraryException {
        Optional<TaskRecord> mine = outbox.find(r.id());
        if (mine.isEmpty()) {
            outbox.removals().restore(new Removal(r, team.raw(r.id()), List.of(), null));
        } else {
            LibraryPush.forward(team, outbox, r, mine.get());
        }
    }

    private List<TaskId> ids() throws LibraryException {
        return outbox.list(TaskQuery.ALL).stream().map(TaskRecord::id).toList();
    }

    private static String stamp(TaskRecord r) {
        return r.refreshedAt() + " " + r.reach() + " "
                + r.files().stream().filter(FileRecord::isArchived).count() + "/"
                + r.files().size();
    }

    @Override
    public void close() {
        outbox.close();
    }
}
