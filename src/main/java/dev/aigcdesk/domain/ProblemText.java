package dev.aigcdesk.domain;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** A stored problem in words: the window's language for the window, English for the command line. */
public final class ProblemText {

    private static final String BUNDLE = "dev.aigcdesk.domain.problems";

    private ProblemText() {
    }

    /** {@code stored} in {@code locale}'s words; older free text, or an unknown code, comes back as it is. */
    public static String render(String stored, Locale locale) {
        if (stored == null) {
            return null;
        }
        return Problem.decode(stored).map(p -> {
            try {
                String pattern = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES)).getString(p.key());
                return new MessageFormat(pattern, locale).format((Object[]) p.parts());
            } catch (MissingResourceException unknown) {
                return p.detail().isEmpty() ? p.key() : String.join(", ", p.parts());
            }
        }).orElse(stored);
    }
}
