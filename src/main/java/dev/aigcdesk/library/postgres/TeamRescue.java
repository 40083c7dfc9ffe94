package dev.aigcdesk.library.postgres;

import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.LibraryRescue;
import dev.aigcdesk.library.LocalCopies;
import dev.aigcdesk.library.Salvaged;

/**
 * Repair on a team library: nothing is set aside or replaced (the studio's PostgreSQL keeps its own
 * records, and its backups restore them); the team library itself is what this desktop's archive is
 * checked against, so generations whose files are here but whose records the team lost come back.
 */
public final class TeamRescue implements LibraryRescue {

    private final TeamDatabase where;
    private final String desktop;
    private final LocalCopies copies;

    public TeamRescue(TeamDatabase where, String desktop, LocalCopies copies) {
        this.where = where;
        this.desktop = desktop;
        this.copies = copies;
    }

    @Override
    public Salvaged setAsideAndRead() {
        return Salvaged.NOTHING;
    }

    /** The team library as it is (not a fresh one): repair only adds to it. */
    @Override
    public Library openFresh() throws LibraryException {
        return PostgresLibrary.open(where, desktop, copies);
    }
}
