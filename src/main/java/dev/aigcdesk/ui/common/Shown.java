package dev.aigcdesk.ui.common;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * Changes a recycled cell's nodes without churn: showing and hiding instead of adding and removing
 * children, and pseudo-classes instead of style classes. Either of those re-applies CSS to the node
 * (and everything under it), which is what made fast scrolling through 100k tasks allocate.
 */
public final class Shown {

    private Shown() {}

    /** Shown and laid out, or neither. */
    public static void when(Node node, boolean shown) {
        if (node.isVisible() != shown) {
            node.setVisible(shown);
        }
        if (node.isManaged() != shown) {
            node.setManaged(shown);
        }
    }

    /**
     * Of the pseudo-classes {@code family}, only {@code on} (or none, for null) is set. For what a
     * recycled cell shows in turn (a task's state, a placeholder): a pseudo-class change only moves the
     * node's styles to another state, where a style class change matches every selector again for the
     * node and all under it.
     */
    public static void state(Node node, List<String> family, String on) {
        for (String name : family) {
            node.pseudoClassStateChanged(PseudoClass.getPseudoClass(name), name.equals(on));
        }
    }
}
