package dev.aigcdesk.store;

import dev.aigcdesk.download.DownloadException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where saved outputs live, as the archiver and repair see it: verified bytes are put in a place named
 * for people, checked by their hash, and read back. A port: one designer's archive is a folder
 * ({@code store.folder}); nothing above it knows the layout.
 */
public interface Store {

    /** Where downloads wait until they are verified: beside the store, so that placing one is a single atomic move. */
    Path staging() throws IOException;

    /**
     * The place a verified file named {@code name} takes on {@code shelf} (a month, a project); a different
     * file already there keeps its place, and the new one gets a free name beside it.
     *
     * @throws DownloadException (refused) when the name would leave the store
     */
    Path reserve(String shelf, String name, String sha256) throws IOException, DownloadException;

    /** Moves a verified file, and its sidecar when there is one, into its reserved place. */
    void put(Path verified, Path sidecar, Path place) throws IOException;

    /** Whether {@code place} holds exactly the bytes with this hash. */
    boolean holds(Path place, String sha256);

    /** Every saved file the store holds, sidecars and staging left out (what repair reads back). */
    List<Path> files() throws IOException;

    /** Where it is, as a person would look for it. */
    String location();
}
