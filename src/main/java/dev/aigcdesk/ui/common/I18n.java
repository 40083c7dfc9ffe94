package dev.aigcdesk.ui.common;

import dev.aigcdesk.domain.Catalog;
import java.util.Locale;

/** The window's words: the app's one {@link Catalog}, in the window's language (English or Simplified Chinese). */
public final class I18n {

    private final Catalog catalog;

    public I18n(Locale locale) {
        this.catalog = new Catalog(locale);
    }

    public Locale locale() {
        return catalog.locale();
    }

    public Catalog catalog() {
        return catalog;
    }

    public String get(String key, Object... args) {
        return catalog.get(key, args);
    }

    public boolean has(String key) {
        return catalog.has(key);
    }
}
