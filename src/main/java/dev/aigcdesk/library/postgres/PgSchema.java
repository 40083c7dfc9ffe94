package dev.aigcdesk.library.postgres;

import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.sql.Migrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The team library's schema: the same tables as the desktop's SQLite library, in PostgreSQL's types,
 * as numbered steps recorded in {@code schema_version}. Desktops of a newer version upgrade a team
 * database in place (one transaction a step, under a lock so two desktops never both do it); an older
 * desktop refuses a newer database.
 */
final class PgSchema {

    /** Step N brings a database from version N to N + 1. Never edit a released step: add one. */
    private static final List<List<String>> STEPS = List.of(
            List.of(
                    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
                    """
            CREATE TABLE task (
              rowid            BIGSERIAL UNIQUE,
              id               TEXT PRIMARY KEY,
              kind             TEXT NOT NULL,
              state            TEXT NOT NULL,
              progress         INTEGER NOT NULL DEFAULT 0,
              prompt           TEXT,
              negative_prompt  TEXT,
              enhance_prompt   TEXT,
              model_name       TEXT,
              model_version    TEXT,
              generation_mode  TEXT,
              seed             BIGINT,
              scene_type       TEXT,
              storage_mode     TEXT,
              resolution       TEXT,
              aspect_ratio     TEXT,
              duration_seconds DOUBLE PRECISION,
              audio_generation TEXT,
              image_count      INTEGER,
              output_format    TEXT,
              media_name       TEXT,
              created_at       BIGINT,
              began_at         BIGINT,
              finished_at      BIGINT,
              request_id       TEXT,
              fail_code        BIGINT,
              fail_ext         TEXT,
              fail_message     TEXT,
              added_at         BIGINT NOT NULL,
              refreshed_at     BIGINT,
              reach            TEXT NOT NULL DEFAULT 'REACHABLE',
              not_found_count  INTEGER NOT NULL DEFAULT 0,
              last_error       TEXT,
              raw_latest       BYTEA,
              raw_first_finish BYTEA,
              stars            INTEGER NOT NULL DEFAULT 0 CHECK (stars BETWEEN 0 AND 5),
              search_doc       TEXT GENERATED ALWAYS AS (lower(id || ' ' || coalesce(prompt, '') || ' '
                                 || coalesce(negative_prompt, '') || ' ' || coalesce(model_name, '') || ' '
                                 || coalesce(model_version, ''))) STORED
            )""",
                    "CREATE INDEX task_added ON task(added_at DESC)",
                    "CREATE INDEX task_state ON task(state, reach)",
                    "CREATE INDEX task_created ON task(created_at DESC NULLS LAST)",
                    "CREATE INDEX task_stars ON task(stars DESC, created_at DESC NULLS LAST)",
                    "CREATE INDEX task_search ON task USING gin (search_doc gin_trgm_ops)",
                    """
            CREATE TABLE task_reference (
              task_id TEXT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
              n       INTEGER NOT NULL,
              type TEXT, category TEXT, url TEXT, file_id TEXT, text TEXT, usage TEXT, reference_type TEXT,
              PRIMARY KEY (task_id, n)
            )""",
                    """
            CREATE TABLE output_file (
              task_id          TEXT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
              n                INTEGER NOT NULL,
              url              TEXT NOT NULL,
              expire_at        BIGINT,
              storage_mode     TEXT,
              type             TEXT,
              size             BIGINT,
              width            INTEGER,
              height           INTEGER,
              duration_seconds DOUBLE PRECISION,
              codec            TEXT,
              file_id          TEXT,
              archive_state    TEXT NOT NULL DEFAULT 'PENDING',
              local_path       TEXT,
              local_size       BIGINT,
              sha256_download  TEXT,
              sha256_final     TEXT,
              flags            TEXT NOT NULL DEFAULT '',
              attempts         INTEGER NOT NULL DEFAULT 0,
              last_error       TEXT,
              archived_at      BIGINT,
              PRIMARY KEY (task_id, n)
            )""",
                    "CREATE INDEX output_pending ON output_file(archive_state)",
                    "CREATE TABLE tag (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, folded TEXT NOT NULL UNIQUE)",
                    """
            CREATE TABLE task_tag (
              task_id TEXT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
              tag_id  BIGINT NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
              PRIMARY KEY (task_id, tag_id)
            )""",
                    "CREATE INDEX task_tag_by_tag ON task_tag(tag_id)",
                    "CREATE TABLE collection (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, folded TEXT NOT NULL UNIQUE)",
                    """
            CREATE TABLE task_collection (
              task_id       TEXT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
              collection_id BIGINT NOT NULL REFERENCES collection(id) ON DELETE CASCADE,
              PRIMARY KEY (task_id, collection_id)
            )""",
                    "CREATE INDEX task_collection_by_collection ON task_collection(collection_id)",
                    """
            CREATE TABLE creation (
              task_id      TEXT PRIMARY KEY REFERENCES task(id) ON DELETE CASCADE,
              parent_id    TEXT,
              request      TEXT NOT NULL,
              request_id   TEXT,
              requested_at BIGINT NOT NULL
            )""",
                    "CREATE INDEX creation_by_parent ON creation(parent_id)"),
            List.of(
                    // 2: who did what: who added each task, who gave its stars and when, who put on each tag and
                    // collection.
                    "ALTER TABLE task ADD COLUMN added_by TEXT",
                    "ALTER TABLE task ADD COLUMN stars_by TEXT",
                    "ALTER TABLE task ADD COLUMN stars_at BIGINT",
                    "ALTER TABLE task_tag ADD COLUMN added_by TEXT",
                    "ALTER TABLE task_collection ADD COLUMN added_by TEXT"),
            List.of(
                    // 3: each task's work is leased to one desktop at a time (who, and until when, in the server's
                    // milliseconds); the processes that share the work say they are alive.
                    "ALTER TABLE task ADD COLUMN lease_by TEXT", "ALTER TABLE task ADD COLUMN lease_until BIGINT", """
            CREATE TABLE refresher (
              origin  TEXT PRIMARY KEY,
              desktop TEXT NOT NULL,
              seen_at BIGINT NOT NULL,
              tasks   INTEGER NOT NULL DEFAULT 0
            )"""),
            List.of(
                    // 4: how each saved picture looks (find by look): its hash, colour layout and palette.
                    "ALTER TABLE output_file ADD COLUMN look_hash BIGINT",
                    "ALTER TABLE output_file ADD COLUMN look_layout BYTEA",
                    "ALTER TABLE output_file ADD COLUMN look_palette TEXT"));

    static final int CURRENT = STEPS.size();

    /** Taken for the whole upgrade, so two desktops starting at once do not both run a step. */
    private static final long MIGRATION_LOCK = 0x4149_4743_0001L;

    private PgSchema() {}

    /** The steps, run by the one migrator; the number is a row in {@code schema_version}. */
    private static Migrations migrations(String where) {
        return new Migrations(
                STEPS,
                new Migrations.Version() {
                    @Override
                    public int read(Connection c) throws SQLException {
                        return version(c);
                    }

                    @Override
                    public void write(Statement s, int version) throws SQLException {
                        s.execute("INSERT INTO schema_version (version) VALUES (" + version + ")");
                    }
                },
                at -> "The team library at " + where + " was upgraded by a newer AIGC Desk (schema " + at
                        + ", this app knows " + CURRENT + "). Update AIGC Desk to use it; nothing was changed.");
    }

    /** The database's schema version; 0 for a new database (read without creating anything: a desktop may lack the right). */
    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet exists = s.executeQuery("SELECT to_regclass('schema_version') IS NOT NULL")) {
            if (!exists.next() || !exists.getBoolean(1)) {
                return 0;
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    static void migrate(Connection c, String where) throws SQLException, LibraryException {
        migrate(c, where, CURRENT);
    }

    /** Brings the database up to {@code target} under a lock (tests build a team database as an older release left it). */
    static void migrate(Connection c, String where, int target) throws SQLException, LibraryException {
        if (target == CURRENT && version(c) == CURRENT) {
            return; // the everyday open: nothing to upgrade, no lock to wait for
        }
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
        }
        try {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            }
            migrations(where).migrate(c, target);
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
            }
        }
    }
}
