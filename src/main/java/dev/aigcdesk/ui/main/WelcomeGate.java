package dev.aigcdesk.ui.main;

import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.status.Banners;
import dev.aigcdesk.ui.tasklist.TaskListViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;

/**
 * The window without an API key: an empty library is welcomed (once its first read says it is
 * empty, not hidden by filters); a library with tasks shows them, and a banner says what a key would do.
 */
final class WelcomeGate {

    private WelcomeGate() {}

    static Parent around(Node library, TaskListViewModel listVm, Banners banners, I18n i18n, MainWindow.Host host) {
        BooleanBinding empty = Bindings.createBooleanBinding(
                () -> listVm.loadsProperty().get() > 0 && listVm.totalProperty().get() == 0 && !listVm.filtered(),
                listVm.loadsProperty(),
                listVm.totalProperty());
        banners.noKey(empty.not().and(listVm.loadsProperty().greaterThan(0)));
        WelcomePane welcome = new WelcomePane(i18n, host::openSettings, host::tryDemo);
        welcome.visibleProperty().bind(empty);
        library.visibleProperty().bind(empty.not());
        return new StackPane(library, welcome);
    }
}
