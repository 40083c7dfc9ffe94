package dev.aigcdesk.ui.main;

import dev.aigcdesk.ui.common.Desk;
import dev.aigcdesk.ui.common.UiExecutor;
import dev.aigcdesk.ui.detail.TaskDetailViewModel;
import dev.aigcdesk.ui.sidebar.SidebarViewModel;
import dev.aigcdesk.ui.tasklist.TaskListViewModel;

/** The view models the main window shows, made once per session and handed to the window. */
public record MainViewModels(TaskListViewModel list, TaskDetailViewModel detail, MainViewModel main, SidebarViewModel sidebar) {

    public static MainViewModels create(Desk desk, UiExecutor ui) {
        TaskListViewModel list = new TaskListViewModel(desk, ui);
        return new MainViewModels(list, new TaskDetailViewModel(desk, ui), new MainViewModel(desk, ui), new SidebarViewModel(desk, ui, list));
    }
}
