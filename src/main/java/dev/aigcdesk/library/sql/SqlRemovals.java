package dev.aigcdesk.library.sql;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.Creations;
import dev.aigcdesk.library.Curation;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryEvent;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.Removal;
import dev.aigcdesk.library.Removals;
import dev.aigcdesk.library.TaskRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Tasks taken out of the library (their files stay on disk) and put back exactly as they were (Undo). */
public final class SqlRemovals implements Removals {

    private final SqlLibrary ledger;

    SqlRemovals(SqlLibrary ledger) {
        this.ledger = ledger;
    }

    /** The library's write connection now (it is replaced when a team's server comes back). */
    private Connection db() {
        return ledger.writeConnection();
    }

    /** Removes several tasks in one transaction; returns what Undo needs, for those that were there. */
    public List<Removal> removeAll(Collection<TaskId> ids) throws LibraryException {
        List<Removal> out = new ArrayList<>();
        synchronized (ledger) {
            ledger.inTransaction("remove tasks", () -> {
                out.clear();
                for (TaskId id : new LinkedHashSet<>(ids)) {
                    Optional<TaskRecord> record = ledger.writeReader().find(id);
                    if (record.isEmpty()) {
                        continue;
                    }
                    List<Library.RawAnswers> raw = SqlSupport.query(
                            db(),
                            "SELECT raw_latest, raw_first_finish FROM task WHERE id = ?",
                            List.of(id.value()),
                            RawText::answers);
                    Creations.Made made = SqlCreations.made(db(), id);
                    try (PreparedStatement ps = db().prepareStatement("DELETE FROM task WHERE id = ?")) {
                        ps.setString(1, id.value());
                        ps.executeUpdate();
                    }
                    List<Path> files = record.get().files().stream()
                            .map(FileRecord::localPath)
                            .filter(Objects::nonNull)
                            .toList();
                    out.add(new Removal(record.get(), raw.get(0), files, made));
                }
            });
        }
        if (!out.isEmpty()) {
            ledger.publish(
                    LibraryEvent.Kind.REMOVED,
                    out.stream().map(r -> r.record().id()).toList());
        }
        return out;
    }

    /** Puts back a removed task exactly as it was: its fields, files, answers and how it was made, in one transaction; then its curation. */
    public void restore(Removal removal) throws LibraryException {
        TaskRecord record = removal.record();
        String latest = removal.raw().latest();
        String firstFinish = removal.raw().firstFinish();
        synchronized (ledger) {
            ledger.inTransaction("restore a task", () -> {
                try (PreparedStatement ps = db().prepareStatement(
                                "INSERT INTO task (id, kind, state, added_at, refreshed_at, reach, last_error, raw_latest, raw_first_finish,"
                                        + " added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind,"
                                        + " state = excluded.state, added_at = excluded.added_at, refreshed_at = excluded.refreshed_at,"
                                        + " reach = excluded.reach, last_error = excluded.last_error, raw_latest = excluded.raw_latest,"
                                        + " raw_first_finish = excluded.raw_first_finish, added_by = excluded.added_by")) {
                    ps.setString(1, record.id().value());
                    ps.setString(2, record.task().kind().name());
                    ps.setString(3, record.task().state().name());
                    ps.setLong(4, record.addedAt().toEpochMilli());
                    TaskRows.setInstant(ps, 5, record.refreshedAt());
                    ps.setString(6, record.reach().name());
                    ps.setString(7, record.lastError());
                    ps.setBytes(8, RawText.pack(latest));
                    ps.setBytes(
                            9,
                            firstFinish != null && firstFinish.equals(latest)
                                    ? RawText.SAME_AS_LATEST
                                    : RawText.pack(firstFinish));
                    ps.setString(10, record.authors().addedBy());
                    ps.executeUpdate();
                }
                TaskWriter.writeTaskFields(db(), record.task());
                for (FileRecord f : record.files()) {
                    TaskWriter.upsertFile(db(), record.id(), f.index(), f.file());
                    TaskWriter.writeArchiveFields(db(), f);
                }
                if (removal.made() != null) {
                    SqlCreations.insert(db(), record.id(), removal.made());
                }
            });
        }
        if (!record.curation().equals(Curation.NONE)) {
            ledger.curator().restore(record.id(), record.curation());
        }
        ledger.publish(LibraryEvent.Kind.RESTORED, List.of(removal.record().id()));
    }
}
