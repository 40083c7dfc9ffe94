package dev.aigcdesk.library;

import java.io.IOException;

/** A damaged library's way back, as its engine's adapter provides it: read what is left, then start a fresh library to fill. */
public interface LibraryRescue {

    /** Puts the damaged library aside (never deleting it) and reads all it still holds; {@link Salvaged#NOTHING} when there is none. */
    Salvaged setAsideAndRead() throws IOException;

    /** The new, empty library, where the damaged one was. */
    Library openFresh() throws LibraryException;
}
