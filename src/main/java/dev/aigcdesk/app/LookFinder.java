package dev.aigcdesk.app;

import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryEvent;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.LibraryFilter;
import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.look.LookIndex;
import dev.aigcdesk.sync.PictureLooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds pictures by look in a library: its looks are read into memory once and read again only after
 * files, stars or removals changed, so a query answers in milliseconds.
 */
public final class LookFinder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LookFinder.class);
    /** "More like this" shows this many tasks at most, the nearest first. */
    public static final int LIKE_LIMIT = 1000;
    /** A colour filter shows this many at most, the strongest match first. */
    public static final int COLOUR_LIMIT = 5000;

    private final Library library;
    private final PictureLooks looker;
    private final AutoCloseable watch;
    private LookIndex index;
    private volatile boolean stale = true;

    /** @param looker takes the look of a task's pictures at once when they were not looked at yet, or null */
    public LookFinder(Library library, PictureLooks looker) {
        this.library = library;
        this.looker = looker;
        this.watch = library.onChange(e -> {
            if (e.kind() != LibraryEvent.Kind.ANSWERED && e.kind() != LibraryEvent.Kind.ADDED) {
                stale = true;
            }
        });
    }

    /** The index as the library is now. */
    public synchronized LookIndex index() throws LibraryException {
        if (index == null || stale) {
            stale = false;
            long t = System.nanoTime();
            List<LookIndex.Entry> entries = new ArrayList<>();
            for (Library.LookRow r : library.looks()) {
                entries.add(
                        new LookIndex.Entry(r.id(), r.n(), r.sha256(), r.pixels(), r.stars(), r.prompt(), r.look()));
            }
            index = LookIndex.of(entries);
            LOG.debug("Read the looks of {} pictures in {} ms", index.size(), (System.nanoTime() - t) / 1_000_000);
        }
        return index;
    }

    /** The library ordered by how much it looks like {@code id}; empty when none of its pictures was looked at. */
    public LibraryFilter.Ranking like(TaskId id, String label) throws LibraryException {
        if (!index().knows(id) && looker != null) {
            // Saved a moment ago, or before find-by-look: looked at now rather than waited for.
            Optional<TaskRecord> r = library.find(id);
            if (r.isPresent() && looker.lookAt(r.get()) > 0) {
                stale = true;
            }
        }
        return new LibraryFilter.Ranking(label, ids(index().like(id, LIKE_LIMIT)));
    }

    /** The tasks with {@code rgb} among their dominant colours, the strongest first. */
    public LibraryFilter.Ranking colour(int rgb, String label) throws LibraryException {
        return new LibraryFilter.Ranking(label, ids(index().colour(rgb, COLOUR_LIMIT)));
    }

    /** Every task in a group of near-duplicates, group by group, each group's copy to keep first. */
    public LibraryFilter.Ranking duplicates(String label) throws LibraryException {
        List<TaskId> ids = new ArrayList<>();
        for (LookIndex.Group g : index().duplicates()) {
            for (LookIndex.Entry e : g.copies()) {
                if (!ids.contains(e.id())) {
                    ids.add(e.id());
                }
            }
        }
        return new LibraryFilter.Ranking(label, ids);
    }

    private static List<TaskId> ids(List<LookIndex.Match> matches) {
        return matches.stream().map(LookIndex.Match::id).toList();
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (Exception e) {
            LOG.debug("Could not stop watching the library", e);
        }
    }
}
