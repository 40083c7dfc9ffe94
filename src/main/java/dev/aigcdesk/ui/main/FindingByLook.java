package dev.aigcdesk.ui.main;

import dev.aigcdesk.library.TaskRecord;
import dev.aigcdesk.ui.common.I18n;
import dev.aigcdesk.ui.detail.TaskDetailView;
import dev.aigcdesk.ui.tasklist.LookSearch;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** The window's ways into finding by look: L and the context menu, a palette's colours, what a search says. */
final class FindingByLook {

    private FindingByLook() {}

    /** "More like this" on the task picked last. */
    static void like(LookSearch looks, TaskRecord r, I18n i18n) {
        if (r == null) {
            return;
        }
        String prompt = r.task().promptHeadline();
        String shown = prompt == null || prompt.isBlank() ? r.id().shortId() : clip(prompt, 28);
        looks.like(r, i18n.get("look.like", shown), i18n.get("look.notSaved"));
    }

    /** A double-click on a palette's colour finds the pictures in it; what a search cannot do is said in a toast. */
    static void wire(LookSearch looks, TaskDetailView detail, Consumer<String> toast, I18n i18n) {
        detail.setColourFinder(rgb ->
                looks.colour(rgb, i18n.get("sidebar.colour.showing", String.format(Locale.ROOT, "#%06X", rgb))));
        looks.messageProperty().addListener((o, a, b) -> {
            if (b != null) {
                toast.accept(b);
            }
        });
        // Once the window is up, the looks are read in the background, so the first search answers at once.
        PauseTransition later = new PauseTransition(Duration.seconds(3));
        later.setOnFinished(e -> looks.warm());
        later.play();
    }

    private static String clip(String s, int n) {
        return s.codePointCount(0, s.length()) <= n ? s : s.substring(0, s.offsetByCodePoints(0, n - 1)) + "…";
    }
}
