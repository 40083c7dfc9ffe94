package dev.aigcdesk.ui.main;

import dev.aigcdesk.ui.detail.TaskDetailViewModel;
import dev.aigcdesk.ui.generate.GenerateViewModel;
import dev.aigcdesk.ui.sidebar.SidebarViewModel;
import dev.aigcdesk.ui.status.StatusViewModel;
import dev.aigcdesk.ui.tasklist.LookSearch;
import dev.aigcdesk.ui.tasklist.TaskListViewModel;

/** The view models the main window shows, made once per session and handed to the window: each given only the services it uses. */
public record MainViewModels(
        TaskListViewModel list,
        TaskDetailViewModel detail,
        StatusViewModel main,
        SidebarViewModel sidebar,
        GenerateViewModel generate,
        LookSearch looks) {}
