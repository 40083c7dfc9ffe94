package dev.aigcdesk.library.postgres;

import dev.aigcdesk.library.Library;
import dev.aigcdesk.library.LibraryContract;
import dev.aigcdesk.testing.TestPostgres;
import java.nio.file.Path;

/** The contract on a real PostgreSQL server: the team library keeps what a desktop's own library keeps. */
class PostgresLibraryTest extends LibraryContract {

    @Override
    protected Library openLibrary(Path dir) throws Exception {
        return PostgresLibrary.open(TestPostgres.shared().newDatabase(), "Ann");
    }
}
