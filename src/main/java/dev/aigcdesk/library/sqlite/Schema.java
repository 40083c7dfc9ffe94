package dev.aigcdesk.library.sqlite;

import dev.aigcdesk.library.LibraryException;
import dev.aigcdesk.library.sql.Migrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The desktop library's schema: its numbered steps, in SQLite's types, for the one migrator
 * ({@link Migrations}), which records the number in {@code PRAGMA user_version}.
 */
final class Schema {

    /** Step N brings a library from version N to N + 1. Never edit a released step: add one. */
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                    """
            CREATE TABLE task (
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
              seed             INTEGER,
              scene_type       TEXT,
              storage_mode     TEXT,
              resolution       TEXT,
              aspect_ratio     TEXT,
              duration_seconds REAL,
              audio_generation TEXT,
              image_count      INTEGER,
              output_format    TEXT,
              media_name       TEXT,
              created_at       INTEGER,
              began_at         INTEGER,
              finished_at      INTEGER,
              request_id       TEXT,
              fail_code        INTEGER,
              fail_ext         TEXT,
              fail_message     TEXT,
              added_at         INTEGER NOT NULL,
              refreshed_at     INTEGER,
              reach            TEXT NOT NULL DEFAULT 'REACHABLE',
              not_found_count  INTEGER NOT NULL DEFAULT 0,
              last_error       TEXT,
              raw_latest       TEXT,
              raw_first_finish TEXT
            )""",
                    "CREATE INDEX task_added ON task(added_at DESC)",
                    "CREATE INDEX task_state ON task(state, reach)",
                    """
            CREATE TABLE task_reference (
              task_id        TEXT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
              n              INTEGER NOT NULL,
              type           TEXT, category TEXT, url TEXT, file_id TEXT, text TEXT, usage TEXT, reference_type TEXT,
              PRIMARY KEY (task_id, n)
            )""",
                    """
            CREATE TABLE output_file (
              task_id          TEXT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
              n                INTEGER NOT NULL,
              url              TEXT NOT NULL,
              expire_at        INTEGER,
              storage_mode     TEXT,
              type             TEXT,
              size             INTEGER,
              width            INTEGER,
              height           INTEGER,
              duration_seconds REAL,
              codec            TEXT,
              file_id          TEXT,
              archive_state    TEXT NOT NULL DEFAULT 'PENDING',
              local_path       TEXT,
              local_size       INTEGER,
              sha256_download  TEXT,
              sha256_final     TEXT,
              flags            TEXT NOT NULL DEFAULT '',
              attempts         INTEGER NOT NULL DEFAULT 0,
              last_error       TEXT,
              archived_at      INTEGER,
              PRIMARY KEY (task_id, n)
            )""",
                    "CREATE INDEX output_pending ON output_file(archive_state)",
                    // Trigram tokens find any substring of 3+ characters, which also serves Chinese prompts (no spaces
                    // between words).
                    "CREATE VIRTUAL TABLE task_fts USING fts5(id, prompt, negative_prompt, model, tokenize = 'trigram')",
                    """
            CREATE TRIGGER task_fts_insert AFTER INSERT ON task BEGIN
              INSERT INTO task_fts(rowid, id, prompt, negative_prompt, model)
              VALUES (new.rowid, new.id, new.prompt, new.negative_prompt, trim(coalesce(new.model_name, '') || ' ' || coalesce(new.model_version, '')));
            END""",
                    """
            CREATE TRIGGER task_fts_update AFTER UPDATE OF prompt, negative_prompt, model_name, model_version ON task BEGIN
              DELETE FROM task_fts WHERE rowid = old.rowid;
              INSERT INTO task_fts(rowid, id, prompt, negative_prompt, model)
              VALUES (new.rowid, new.id, new.prompt, new.negative_prompt, trim(coalesce(new.model_name, '') || ' ' || coalesce(new.model_version, '')));
            END""",
                    """
            CREATE TRIGGER task_fts_delete AFTER DELETE ON task BEGIN
              DELETE FROM task_fts WHERE rowid = old.rowid;
            END"""),
            List.of(
                    // 2: the list's default order is when a task was generated, newest first (tasks without a time
                    // last).
                    "CREATE INDEX task_created ON task(created_at DESC)"),
            List.of(
                    // 3: stars, tags and collections: the keepers out of many tries.
                    "ALTER TABLE task ADD COLUMN stars INTEGER NOT NULL DEFAULT 0 CHECK (stars BETWEEN 0 AND 5)",
                    "CREATE INDEX task_stars ON task(stars DESC, created_at DESC)",
                    // "folded" is the name in lower case for every script (SQLite's NOCASE folds only ASCII): tags
                    // match ignoring case.
                    "CREATE TABLE tag (id INTEGER PRIMARY KEY, name TEXT NOT NULL, folded TEXT NOT NULL UNIQUE)",
                    """
            CREATE TABLE task_tag (
              task_id TEXT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
              tag_id INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
              PRIMARY KEY (task_id, tag_id)
            ) WITHOUT ROWID""",
                    "CREATE INDEX task_tag_by_tag ON task_tag(tag_id)",
                    "CREATE TABLE collection (id INTEGER PRIMARY KEY, name TEXT NOT NULL, folded TEXT NOT NULL UNIQUE)",
                    """
            CREATE TABLE task_collection (
              task_id TEXT NOT NULL REFERENCES task(id) ON DELETE CASCADE,
              collection_id INTEGER NOT NULL REFERENCES collection(id) ON DELETE CASCADE,
              PRIMARY KEY (task_id, collection_id)
            ) WITHOUT ROWID""",
                    "CREATE INDEX task_collection_by_collection ON task_collection(collection_id)"),
            List.of(
                    // 4: generations started from the app: the exact request sent, and the task it was made from.
                    // The parent is not a foreign key: removing a task keeps its tries' "made from" id.
                    """
            CREATE TABLE creation (
              task_id      TEXT PRIMARY KEY REFERENCES task(id) ON DELETE CASCADE,
              parent_id    TEXT,
              request      TEXT NOT NULL,
              request_id   TEXT,
              requested_at INTEGER NOT NULL
            ) WITHOUT ROWID""", "CREATE INDEX creation_by_parent ON creation(parent_id)"),
            List.of(
                    // 5: who did what, for a library shared by a team (empty in one's own).
                    "ALTER TABLE task ADD COLUMN added_by TEXT",
                    "ALTER TABLE task ADD COLUMN stars_by TEXT",
                    "ALTER TABLE task ADD COLUMN stars_at INTEGER",
                    "ALTER TABLE task_tag ADD COLUMN added_by TEXT",
                    "ALTER TABLE task_collection ADD COLUMN added_by TEXT"),
            List.of(
                    // 6: how each saved picture looks (find by look): its hash, colour layout and palette.
                    "ALTER TABLE output_file ADD COLUMN look_hash INTEGER",
                    "ALTER TABLE output_file ADD COLUMN look_layout BLOB",
                    "ALTER TABLE output_file ADD COLUMN look_palette TEXT"));

    static final int CURRENT = MIGRATIONS.size();

    /** The steps, run by the one migrator; SQLite records the number in {@code PRAGMA user_version}. */
    private static final Migrations STEPS = new Migrations(
            MIGRATIONS,
            new Migrations.Version() {
                @Override
                public int read(Connection c) throws SQLException {
                    try (Statement s = c.createStatement();
                            ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                        return rs.next() ? rs.getInt(1) : 0;
                    }
                }

                @Override
                public void write(Statement s, int version) throws SQLException {
                    s.execute("PRAGMA user_version = " + version);
                }
            },
            at -> "This library was written by a newer AIGC Desk (schema " + at + ", this app knows " + CURRENT
                    + "). Update AIGC Desk to open it; nothing was changed.");

    private Schema() {}

    static int version(Connection c) throws SQLException {
        return STEPS.version(c);
    }

    /** Brings the library up to {@link #CURRENT}; each step is one transaction with its version bump. */
    static void migrate(Connection c) throws SQLException, LibraryException {
        migrate(c, CURRENT);
    }

    /** Brings the library up to {@code target} (tests build a library as an older release left it). */
    static void migrate(Connection c, int target) throws SQLException, LibraryException {
        STEPS.migrate(c, target);
    }
}
