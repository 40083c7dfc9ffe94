package dev.aigcdesk.ui.shell;

import dev.aigcdesk.app.LookFinder;
import dev.aigcdesk.app.OpenLibrary;
import dev.aigcdesk.app.Session;
import dev.aigcdesk.config.GenerationChoices;
import dev.aigcdesk.config.SettingsStore;
import dev.aigcdesk.download.SaveCopy;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.sync.TeamShelf;
import dev.aigcdesk.ui.common.Desk;
import dev.aigcdesk.ui.common.FilesHere;
import dev.aigcdesk.ui.common.UiExecutor;
import dev.aigcdesk.ui.detail.TaskDetailViewModel;
import dev.aigcdesk.ui.generate.GenerateViewModel;
import dev.aigcdesk.ui.main.MainViewModels;
import dev.aigcdesk.ui.sidebar.SidebarViewModel;
import dev.aigcdesk.ui.status.StatusViewModel;
import dev.aigcdesk.ui.tasklist.LookSearch;
import dev.aigcdesk.ui.tasklist.TaskListViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The window's composition root: the one place where an opened session becomes the services the
 * window works through, and those become its view models (the window then lays out its views).
 */
public final class WindowComposition {

    private WindowComposition() {}

    /** The services of a session opened for the window. */
    public static Desk services(OpenLibrary opened) {
        Session s = opened.session();
        return new Desk(
                        opened.ledger(),
                        opened.sync(),
                        s.events(),
                        new SaveCopy(s.downloader()),
                        new SystemDesktop(),
                        s.clock(),
                        s.archiveFolder(),
                        s.isDemo(),
                        s.connection().hasKey(),
                        s.intervals(),
                        s.thumbnails(),
                        s.generator(),
                        s.paths().config())
                .fetchingWith(filesHere(s))
                .findingLooksWith(lookFinder(s));
    }

    /** Finds pictures by look in the session's library; a library that cannot be opened finds nothing. */
    private static LookFinder lookFinder(Session s) {
        try {
            return s.lookFinder();
        } catch (LibraryException e) {
            return null;
        }
    }

    /**
     * On a team with a store, an opened task's files saved on another desktop come from the store (the store is
     * opened on first use, not while the window's first frame is made).
     */
    private static FilesHere filesHere(Session s) {
        if (!s.onTeam()) {
            return FilesHere.ALREADY;
        }
        return r -> {
            Optional<TeamShelf> shelf;
            try {
                shelf = s.teamShelf();
            } catch (LibraryException e) {
                throw new IOException(e.getMessage(), e);
            }
            return shelf.isPresent() && shelf.get().bringHere(r);
        };
    }

    /** The window's view models, each given only the services it uses. */
    public static MainViewModels viewModels(Desk desk, UiExecutor ui) {
        TaskListViewModel list = new TaskListViewModel(desk.ledger(), desk.clock(), desk::wake, desk::say, ui);
        Path config = desk.configFolder();
        GenerateViewModel generate = new GenerateViewModel(
                config == null ? null : desk.generator(),
                desk.ledger(),
                config == null ? null : new SettingsStore(config),
                config == null ? null : new GenerationChoices(config),
                desk::wake,
                desk::say,
                ui);
        TaskDetailViewModel detail = new TaskDetailViewModel(
                desk.ledger(), desk.saveCopy(), desk.desktop(), desk.filesHere(), desk::say, ui);
        StatusViewModel status = new StatusViewModel(desk.ledger(), desk.events(), desk, desk.clock(), desk::say, ui);
        SidebarViewModel sidebar = new SidebarViewModel(desk.ledger(), desk::wake, desk::say, ui, list);
        // Another desktop's change (the team library) shows as if it were made here.
        status.onLibraryChanged(() -> {
            list.reload();
            sidebar.refresh();
            detail.refresh();
        });
        LookSearch looks = new LookSearch(desk.lookFinder(), list, ui, desk::say);
        return new MainViewModels(list, detail, status, sidebar, generate, looks);
    }
}
