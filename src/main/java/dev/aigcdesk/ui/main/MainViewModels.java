package dev.aigcdesk.ui.main;

import dev.aigcdesk.config.GenerationChoices;
import dev.aigcdesk.config.SettingsStore;
import dev.aigcdesk.ui.common.Desk;
import dev.aigcdesk.ui.common.UiExecutor;
import dev.aigcdesk.ui.detail.TaskDetailViewModel;
import dev.aigcdesk.ui.generate.GenerateViewModel;
import dev.aigcdesk.ui.sidebar.SidebarViewModel;
import dev.aigcdesk.ui.status.StatusViewModel;
import dev.aigcdesk.ui.tasklist.TaskListViewModel;
import java.nio.file.Path;

/** The view models the main window shows, made once per session and handed to the window: each given only the services it uses. */
public record MainViewModels(
        TaskListViewModel list,
        TaskDetailViewModel detail,
        StatusViewModel main,
        SidebarViewModel sidebar,
        GenerateViewModel generate) {

    public static MainViewModels create(Desk desk, UiExecutor ui) {
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
        return new MainViewModels(
                list,
                new TaskDetailViewModel(desk.ledger(), desk.saveCopy(), desk.desktop(), desk::say, ui),
                new StatusViewModel(desk.ledger(), desk.events(), desk, desk.clock(), desk::say, ui),
                new SidebarViewModel(desk.ledger(), desk::wake, desk::say, ui, list),
                generate);
    }
}
