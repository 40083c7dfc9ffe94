package dev.aigcdesk.ui.common;

import dev.aigcdesk.app.Generator;
import dev.aigcdesk.app.LibrarySync;
import dev.aigcdesk.app.LookFinder;
import dev.aigcdesk.download.SaveCopy;
import dev.aigcdesk.library.Library;
import dev.aigcdesk.store.ThumbnailStore;
import dev.aigcdesk.sync.PollSchedule;
import dev.aigcdesk.sync.SyncEvents;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * The services the window works through. It never does network, database or file work itself:
 * it asks these, off the JavaFX thread, and observes {@link #events()}.
 *
 * @param sync      who refreshes the library: this window, or another process until it closes (the window then only shows it)
 * @param intervals how often the library is refreshed (the offline banner says when the next try is)
 * @param thumbnails      where tile-size thumbnails are kept between runs, or null for nowhere
 * @param generator       starts paid generations into this library, or null where the window cannot (some tests)
 * @param configFolder    where Settings and the New generation panel's last choices live, or null for nowhere
 * @param errors          says failures in the window's language
 * @param filesHere       brings a task's files kept elsewhere (a team's store) to this desktop when it is opened
 * @param looks           finds pictures by look, or null (one is made when asked)
 */
public record Desk(
        Library ledger,
        LibrarySync sync,
        SyncEvents events,
        SaveCopy saveCopy,
        OsDesktop desktop,
        Clock clock,
        Path archiveFolder,
        boolean demo,
        boolean hasKey,
        PollSchedule.Intervals intervals,
        ThumbnailStore thumbnails,
        Generator generator,
        Path configFolder,
        ErrorWords errors,
        FilesHere filesHere,
        LookFinder looks)
        implements Refresher {

    public Desk {
        filesHere = filesHere == null ? FilesHere.ALREADY : filesHere;
    }

    public Desk(
            Library ledger,
            LibrarySync sync,
            SyncEvents events,
            SaveCopy saveCopy,
            OsDesktop desktop,
            Clock clock,
            Path archiveFolder,
            boolean demo,
            boolean hasKey,
            PollSchedule.Intervals intervals,
            ThumbnailStore thumbnails,
            Generator generator,
            Path configFolder,
            ErrorWords errors) {
        this(
                ledger,
                sync,
                events,
                saveCopy,
                desktop,
                clock,
                archiveFolder,
                demo,
                hasKey,
                intervals,
                thumbnails,
                generator,
                configFolder,
                errors,
                FilesHere.ALREADY,
                null);
    }

    public Desk(
            Library ledger,
            LibrarySync sync,
            SyncEvents events,
            SaveCopy saveCopy,
            OsDesktop desktop,
            Clock clock,
            Path archiveFolder,
            boolean demo,
            boolean hasKey,
            PollSchedule.Intervals intervals) {
        this(ledger, sync, events, saveCopy, desktop, clock, archiveFolder, demo, hasKey, intervals, null, null, null);
    }

    public Desk(
            Library ledger,
            LibrarySync sync,
            SyncEvents events,
            SaveCopy saveCopy,
            OsDesktop desktop,
            Clock clock,
            Path archiveFolder,
            boolean demo,
            boolean hasKey,
            PollSchedule.Intervals intervals,
            ThumbnailStore thumbnails,
            Generator generator,
            Path configFolder) {
        this(
                ledger,
                sync,
                events,
                saveCopy,
                desktop,
                clock,
                archiveFolder,
                demo,
                hasKey,
                intervals,
                thumbnails,
                generator,
                configFolder,
                new ErrorWords(new I18n(Locale.ENGLISH)));
    }

    /** The same services, saying failures in {@code i18n}'s language. */
    public Desk speaking(I18n i18n) {
        return with(new ErrorWords(i18n), filesHere, looks);
    }

    /** The same services, bringing files kept elsewhere (a team's store) to this desktop through {@code files}. */
    public Desk fetchingWith(FilesHere files) {
        return with(errors, files, looks);
    }

    /** The same services, finding pictures by look through {@code finder}. */
    public Desk findingLooksWith(LookFinder finder) {
        return with(errors, filesHere, finder);
    }

    private Desk with(ErrorWords words, FilesHere files, LookFinder finder) {
        return new Desk(
                ledger,
                sync,
                events,
                saveCopy,
                desktop,
                clock,
                archiveFolder,
                demo,
                hasKey,
                intervals,
                thumbnails,
                generator,
                configFolder,
                words,
                files,
                finder);
    }

    /** Finds pictures by look in this library (one made on first use when none was given). */
    public LookFinder lookFinder() {
        return looks != null ? looks : new LookFinder(ledger, null);
    }

    /** A failure in the window's words. */
    public String say(Throwable e) {
        return errors.say(e);
    }

    /** True while this window refreshes and archives the library (not another process). */
    @Override
    public boolean refreshing() {
        return sync != null && sync.active();
    }

    /** Starts refreshing and archiving: called once the window's first page is on screen, so nothing the first frame does not need comes before it. */
    public void beginSync() {
        if (sync != null) {
            sync.begin();
        }
    }

    /** Asks the service now, if this window refreshes the library. */
    @Override
    public void wake() {
        if (sync != null) {
            sync.wake();
        }
    }

    /** Runs {@code r} (on a background thread) when this window takes over refreshing from another. */
    @Override
    public void onTakeover(Runnable r) {
        if (sync != null) {
            sync.onActive(r);
        }
    }
}
