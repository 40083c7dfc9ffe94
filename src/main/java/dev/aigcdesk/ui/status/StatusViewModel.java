package dev.aigcdesk.ui.status;

import dev.aigcdesk.domain.Expiry;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.library.FileRecord;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryEvent;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.sync.SyncEvent;
import dev.aigcdesk.sync.SyncEvents;
import dev.aigcdesk.ui.common.Refresher;
import dev.aigcdesk.ui.common.UiExecutor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;

/**
 * What the window as a whole shows: the banners (rejected key, offline), the status bar, and the
 * notifications worth interrupting for. It listens to the poller and archiver and moves every
 * event onto the JavaFX thread.
 */
public final class StatusViewModel implements AutoCloseable {

    /** Something to tell the user about in a notification; {@code detail} is a failure's reason code, rendered in the window's language. */
    public record Notice(Kind kind, TaskRecord task, String detail) {
        public enum Kind {
            FINISHED,
            FAILED,
            AT_RISK,
            LOST
        }
    }

    /** The code a query that timed out carries (a slow service, not a network that is down). */
    private static final String SERVICE_TIMEOUT = "Timeout";

    private final Library ledger;
    private final SyncEvents events;
    private final Refresher refresher;
    private final Clock clock;
    private final Function<Throwable, String> say;
    private final UiExecutor ui;
    private final BooleanProperty keyRejected = new SimpleBooleanProperty();
    private final BooleanProperty offline = new SimpleBooleanProperty();
    private final BooleanProperty slow = new SimpleBooleanProperty();
    private final ObjectProperty<Instant> lastRefresh = new SimpleObjectProperty<>();
    private final IntegerProperty running = new SimpleIntegerProperty();
    private final IntegerProperty saving = new SimpleIntegerProperty();
    private final StringProperty problem = new SimpleStringProperty();
    private final BooleanProperty refreshing = new SimpleBooleanProperty();
    private final StringProperty archiveBlocked = new SimpleStringProperty();
    /** Pictures saved before find-by-look being looked at: {done, total}, or null when none is. */
    private final ObjectProperty<int[]> looking = new SimpleObjectProperty<>();

    private final Map<String, Boolean> warnedAtRisk = new ConcurrentHashMap<>();
    private final AutoCloseable subscription;
    private final AutoCloseable progressSubscription;
    /** Each download under way, its latest progress by {@link SyncEvent.DownloadProgress#fileKey} (on the JavaFX thread only). */
    private final ObservableMap<String, SyncEvent.DownloadProgress> downloads = FXCollections.observableHashMap();

    private final ObjectProperty<SavingNow> savingNow = new SimpleObjectProperty<>(SavingNow.NONE);
    private Consumer<TaskRecord> onTaskChanged = r -> {};
    private Consumer<Notice> onNotice = n -> {};
    private Runnable onLibraryChanged = () -> {};
    private final BooleanProperty teamUnreachable = new SimpleBooleanProperty(false);
    /** Beyond this many tasks, another desktop's change is shown by reading the page again rather than each task. */
    private static final int TASKS_READ_ONE_BY_ONE = 50;

    private final AutoCloseable remoteChanges;

    public StatusViewModel(
            Library ledger,
            SyncEvents events,
            Refresher refresher,
            Clock clock,
            Function<Throwable, String> say,
            UiExecutor ui) {
        this.ledger = ledger;
        this.events = events;
        this.refresher = refresher;
        this.clock = clock;
        this.say = say;
        this.ui = ui;
        this.subscription = events.subscribe(e -> ui.onUi(() -> handle(e)));
        this.progressSubscription = events.subscribeProgress(p -> ui.onUi(() -> progress(p)));
        this.remoteChanges = ledger.onChange(e -> {
            if (e.remote()) {
                ui.onUi(() -> changedElsewhere(e));
            }
        });
        downloads.addListener((MapChangeListener<String, SyncEvent.DownloadProgress>) c -> sumDownloads());
        refreshing.set(refresher.refreshing());
        refresher.onTakeover(() -> ui.onUi(() -> refreshing.set(refresher.refreshing())));
    }

    /** Why nothing can be saved into the archive now (missing, read-only, disk full), or null. */
    public ObjectProperty<int[]> lookingProperty() {
        return looking;
    }

    public StringProperty archiveBlockedProperty() {
        return archiveBlocked;
    }

    /** This window refreshes and archives the library; false while another AIGC Desk does (it takes over when that one closes). */
    public BooleanProperty refreshingProperty() {
        return refreshing;
    }

    public void onTaskChanged(Consumer<TaskRecord> listener) {
        this.onTaskChanged = listener;
    }

    /** Called when another desktop changed which tasks are in the library, or their stars, tags and collections. */
    public void onLibraryChanged(Runnable listener) {
        this.onLibraryChanged = listener;
    }

    /** Another desktop's change (the team library): shown as if it were made here, on the JavaFX thread. */
    void changedElsewhere(LibraryEvent e) {
        boolean whole = e.ids().isEmpty() || e.ids().size() > TASKS_READ_ONE_BY_ONE;
        switch (e.kind()) {
            case ANSWERED, FILES -> {
                if (whole) {
                    onLibraryChanged.run();
                } else {
                    e.ids().forEach(this::reloadTask);
                }
            }
            case ADDED, REMOVED, RESTORED, CURATED -> onLibraryChanged.run();
            case LOST -> teamUnreachable.set(true);
            case BACK -> {
                teamUnreachable.set(false);
                onLibraryChanged.run();
            }
        }
        updateCounts();
    }

    public void onNotice(Consumer<Notice> listener) {
        this.onNotice = listener;
    }

    public BooleanProperty keyRejectedProperty() {
        return keyRejected;
    }

    public BooleanProperty offlineProperty() {
        return offline;
    }

    /** The team library's server does not answer; this window keeps what it shows, and catches up when it does. */
    public BooleanProperty teamUnreachableProperty() {
        return teamUnreachable;
    }

    /** The service was reached but did not answer in time (not offline: slow), until it answers again. */
    public BooleanProperty slowProperty() {
        return slow;
    }

    public ObjectProperty<Instant> lastRefreshProperty() {
        return lastRefresh;
    }

    public IntegerProperty runningProperty() {
        return running;
    }

    public IntegerProperty savingProperty() {
        return saving;
    }

    /** The downloads under way now, summed (progress comes a few times a second while a file downloads). */
    public ObjectProperty<SavingNow> savingNowProperty() {
        return savingNow;
    }

    /** Each file's download under way (the detail's "Saving · 45%"), read on the JavaFX thread. */
    public ObservableMap<String, SyncEvent.DownloadProgress> downloads() {
        return FXCollections.unmodifiableObservableMap(downloads);
    }

    private void progress(SyncEvent.DownloadProgress p) {
        String key = SyncEvent.DownloadProgress.fileKey(p.id(), p.index());
        if (p.total() > 0 && p.done() >= p.total()) {
            downloads.remove(key);
        } else {
            downloads.put(key, p);
        }
    }

    /** A file's download ended (saved, failed or expired): it no longer counts as under way. */
    private void downloadEnded(FileRecord f) {
        downloads.remove(SyncEvent.DownloadProgress.fileKey(f.taskId(), f.index()));
    }

    private void sumDownloads() {
        long done = 0;
        long total = 0;
        boolean sized = true;
        for (SyncEvent.DownloadProgress d : downloads.values()) {
            done += d.done();
            total += d.total();
            sized &= d.total() > 0;
        }
        savingNow.set(downloads.isEmpty() ? SavingNow.NONE : new SavingNow(downloads.size(), done, sized ? total : 0));
    }

    /** The last background failure, in words, for the status bar (the executor has logged it). */
    public StringProperty problemProperty() {
        return problem;
    }

    private void failed(Throwable e) {
        problem.set(null);
        problem.set(say.apply(e));
    }

    /** F5: ask now, and count what runs and waits. */
    public void refresh() {
        refresher.wake();
        updateCounts();
    }

    public void updateCounts() {
        ui.run(
                () -> new int[] {ledger.activeCount(), ledger.filesToArchiveCount()},
                c -> {
                    running.set(c[0]);
                    saving.set(c[1]);
                },
                this::failed);
    }

    /** Files not yet saved whose link dies within a day: warned once each. */
    public void checkExpiryRisk() {
        ui.run(
                () -> {
                    List<TaskRecord> atRisk = new ArrayList<>();
                    for (FileRecord f : ledger.filesToArchive()) {
                        boolean risky = f.file()
                                .expiry()
                                .map(x -> Expiry.of(x, clock))
                                .filter(Expiry::atRisk)
                                .isPresent();
                        if (risky && warnedAtRisk.putIfAbsent(f.taskId() + "#" + f.index(), true) == null) {
                            ledger.find(f.taskId()).ifPresent(atRisk::add);
                        }
                    }
                    return atRisk;
                },
                list -> list.forEach(t -> onNotice.accept(new Notice(Notice.Kind.AT_RISK, t, null))),
                this::failed);
    }

    public void handle(SyncEvent e) {
        if (e instanceof SyncEvent.TaskChanged c) {
            keyRejected.set(false);
            offline.set(false);
            slow.set(false);
            lastRefresh.set(clock.instant());
            onTaskChanged.accept(c.after());
            // Only a change the user could watch happen: a task first fetched already finished is no news.
            TaskState before = c.before() == null || !c.before().wasAnswered()
                    ? null
                    : c.before().task().state();
            TaskState now = c.after().task().state();
            if (before != null && before != now) {
                if (now == TaskState.SUCCEEDED) {
                    onNotice.accept(new Notice(Notice.Kind.FINISHED, c.after(), null));
                } else if (now == TaskState.FAILED || now == TaskState.ABORTED) {
                    onNotice.accept(new Notice(
                            Notice.Kind.FAILED,
                            c.after(),
                            c.after()
                                    .task()
                                    .failureInfo()
                                    .map(f -> f.reason().key())
                                    .orElse(null)));
                }
            }
            updateCounts();
        } else if (e instanceof SyncEvent.Refreshed r) {
            lastRefresh.set(r.at());
            offline.set(false);
            slow.set(false);
        } else if (e instanceof SyncEvent.QueryFailed q) {
            keyRejected.set(q.keyRejected());
            offline.set(q.offline());
            slow.set(SERVICE_TIMEOUT.equals(q.code()));
        } else if (e instanceof SyncEvent.ArchiveBlocked b) {
            // Kept as the stored problem's code, so the banner says it in the window's language.
            archiveBlocked.set(b.problem().encode());
            updateCounts();
        } else if (e instanceof SyncEvent.FileArchived || e instanceof SyncEvent.FileFailed) {
            if (e instanceof SyncEvent.FileArchived) {
                archiveBlocked.set(null);
            }
            downloadEnded(e instanceof SyncEvent.FileArchived a ? a.file() : ((SyncEvent.FileFailed) e).file());
            reloadTask(
                    e instanceof SyncEvent.FileArchived a
                            ? a.file().taskId()
                            : ((SyncEvent.FileFailed) e).file().taskId());
            updateCounts();
        } else if (e instanceof SyncEvent.FileExpired x) {
            downloadEnded(x.file());
            reloadTask(x.file().taskId());
            ui.run(
                    () -> ledger.find(x.file().taskId()).orElse(null),
                    t -> {
                        if (t != null) {
                            onNotice.accept(new Notice(Notice.Kind.LOST, t, null));
                        }
                    },
                    this::failed);
            updateCounts();
        } else if (e instanceof SyncEvent.LooksTaken l) {
            looking.set(l.done() < l.total() ? new int[] {l.done(), l.total()} : null);
        } else if (e instanceof SyncEvent.ReachChanged r) {
            reloadTask(r.id());
        }
    }

    private void reloadTask(TaskId id) {
        ui.run(
                () -> ledger.find(id).orElse(null),
                t -> {
                    if (t != null) {
                        onTaskChanged.accept(t);
                    }
                },
                this::failed);
    }

    @Override
    public void close() {
        try {
            subscription.close();
            progressSubscription.close();
            remoteChanges.close();
        } catch (Exception ignored) {
            // Removing a listener from a list does not fail.
        }
    }
}
