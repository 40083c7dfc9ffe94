package dev.aigcdesk.library.sql;

import dev.aigcdesk.domain.ArchiveState;
import dev.aigcdesk.domain.GenerationTask;
import dev.aigcdesk.domain.OutputConfig;
import dev.aigcdesk.domain.OutputFile;
import dev.aigcdesk.domain.Palette;
import dev.aigcdesk.domain.ReferenceInput;
import dev.aigcdesk.domain.TaskFailure;
import dev.aigcdesk.domain.TaskId;
import dev.aigcdesk.domain.TaskKind;
import dev.aigcdesk.domain.TaskState;
import dev.aigcdesk.domain.TaskTimes;
import dev.aigcdesk.library.FileRecord;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Column lists and the mapping between rows and domain records. */
public final class TaskRows {

    /** Every task column but the raw JSON, which only {@code show} and repairs read. */
    static final String TASK_COLUMNS =
            "t.id, t.kind, t.state, t.progress, t.prompt, t.negative_prompt, t.enhance_prompt, t.model_name, "
                    + "t.model_version, t.generation_mode, t.seed, t.scene_type, t.storage_mode, t.resolution, t.aspect_ratio, t.duration_seconds, "
                    + "t.audio_generation, t.image_count, t.output_format, t.media_name, t.created_at, t.began_at, t.finished_at, t.request_id, "
                    + "t.fail_code, t.fail_ext, t.fail_message, t.added_at, t.refreshed_at, t.reach, t.last_error, t.stars, t.added_by, t.stars_by, t.stars_at";

    static final String UPDATE_TASK =
            "UPDATE task SET kind = ?, state = ?, progress = ?, prompt = ?, negative_prompt = ?, enhance_prompt = ?, "
                    + "model_name = ?, model_version = ?, generation_mode = ?, seed = ?, scene_type = ?, storage_mode = ?, resolution = ?, "
                    + "aspect_ratio = ?, duration_seconds = ?, audio_generation = ?, image_count = ?, output_format = ?, media_name = ?, "
                    + "created_at = ?, began_at = ?, finished_at = ?, request_id = ?, fail_code = ?, fail_ext = ?, fail_message = ? WHERE id = ?";

    static final String FILE_COLUMNS =
            "f.task_id, f.n, f.url, f.expire_at, f.storage_mode, f.type, f.size, f.width, f.height, f.duration_seconds, "
                    + "f.codec, f.file_id, f.archive_state, f.local_path, f.local_size, f.sha256_download, f.sha256_final, f.flags, f.attempts, "
                    + "f.last_error, f.archived_at, f.look_palette";

    static final String UPSERT_FILE =
            "INSERT INTO output_file (task_id, n, url, expire_at, storage_mode, type, size, width, height, "
                    + "duration_seconds, codec, file_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT(task_id, n) DO UPDATE SET url = excluded.url, expire_at = excluded.expire_at, storage_mode = excluded.storage_mode, "
                    + "type = excluded.type, size = coalesce(excluded.size, output_file.size), width = coalesce(excluded.width, output_file.width), "
                    + "height = coalesce(excluded.height, output_file.height), "
                    // A saved file's own length (measured when it was archived) wins over what the service says of it.
                    + "duration_seconds = CASE WHEN output_file.archive_state = 'ARCHIVED' AND output_file.duration_seconds IS NOT NULL THEN output_file.duration_seconds "
                    + "ELSE coalesce(excluded.duration_seconds, output_file.duration_seconds) END, "
                    + "codec = coalesce(excluded.codec, output_file.codec), file_id = coalesce(excluded.file_id, output_file.file_id)";

    private TaskRows() {}

    /** Binds {@link #UPDATE_TASK}'s parameters; the id is the last one. */
    static void bindUpdate(PreparedStatement ps, GenerationTask t) throws SQLException {
        OutputConfig c = t.outputConfig();
        int i = 1;
        ps.setString(i++, t.kind().name());
        ps.setString(i++, t.state().name());
        ps.setInt(i++, t.progress());
        ps.setString(i++, t.prompt());
        ps.setString(i++, t.negativePrompt());
        ps.setString(i++, t.enhancePrompt());
        ps.setString(i++, t.modelName());
        ps.setString(i++, t.modelVersion());
        ps.setString(i++, t.generationMode());
        setLong(ps, i++, t.seed());
        ps.setString(i++, t.sceneType());
        ps.setString(i++, c.storageMode());
        ps.setString(i++, c.resolution());
        ps.setString(i++, c.aspectRatio());
        setDouble(ps, i++, c.durationSeconds());
        ps.setString(i++, c.audioGeneration());
        setLong(ps, i++, c.imageCount());
        ps.setString(i++, c.format());
        ps.setString(i++, c.mediaName());
        setInstant(ps, i++, t.times().created());
        setInstant(ps, i++, t.times().began());
        setInstant(ps, i++, t.times().finished());
        ps.setString(i++, t.requestId());
        TaskFailure f = t.failure();
        setLong(ps, i++, f == null ? null : f.code());
        ps.setString(i++, f == null ? null : f.extCode());
        ps.setString(i++, f == null ? null : f.message());
        ps.setString(i, t.id().value());
    }

    static void bindFile(PreparedStatement ps, TaskId id, int n, OutputFile f) throws SQLException {
        ps.setString(1, id.value());
        ps.setInt(2, n);
        ps.setString(3, f.url() == null ? "" : f.url());
        setInstant(ps, 4, f.expireTime());
        ps.setString(5, f.storageMode());
        ps.setString(6, f.type());
        setLong(ps, 7, f.size());
        setLong(ps, 8, f.width());
        setLong(ps, 9, f.height());
        setDouble(ps, 10, f.durationSeconds());
        ps.setString(11, f.codec());
        ps.setString(12, f.fileId());
    }

    /** Reads a task row (without its files and references) as selected by {@link #TASK_COLUMNS}. */
    static GenerationTask readTask(ResultSet rs, List<ReferenceInput> refs, List<OutputFile> outputs)
            throws SQLException {
        Long failCode = getLong(rs, "fail_code");
        TaskFailure failure = failCode == null
                        && rs.getString("fail_ext") == null
                        && rs.getString("fail_message") == null
                ? null
                : new TaskFailure(
                        failCode == null ? 0 : failCode, rs.getString("fail_ext"), rs.getString("fail_message"));
        return new GenerationTask(
                TaskId.parse(rs.getString("id")),
                enumOr(TaskKind.class, rs.getString("kind"), TaskKind.OTHER),
                enumOr(TaskState.class, rs.getString("state"), TaskState.UNKNOWN),
                rs.getInt("progress"),
                rs.getString("prompt"),
                rs.getString("negative_prompt"),
                rs.getString("enhance_prompt"),
                rs.getString("model_name"),
                rs.getString("model_version"),
                rs.getString("generation_mode"),
                getLong(rs, "seed"),
                rs.getString("scene_type"),
                new OutputConfig(
                        rs.getString("storage_mode"),
                        rs.getString("resolution"),
                        rs.getString("aspect_ratio"),
                        getDouble(rs, "duration_seconds"),
                        rs.getString("audio_generation"),
                        getLong(rs, "image_count"),
                        rs.getString("output_format"),
                        rs.getString("media_name")),
                refs,
                new TaskTimes(getInstant(rs, "created_at"), getInstant(rs, "began_at"), getInstant(rs, "finished_at")),
                rs.getString("request_id"),
                failure,
                outputs);
    }

    static FileRecord readFile(ResultSet rs) throws SQLException {
        OutputFile file = new OutputFile(
                rs.getString("url"),
                getInstant(rs, "expire_at"),
                rs.getString("storage_mode"),
                rs.getString("type"),
                getLong(rs, "size"),
                getLong(rs, "width"),
                getLong(rs, "height"),
                getDouble(rs, "duration_seconds"),
                rs.getString("codec"),
                rs.getString("file_id"));
        String local = rs.getString("local_path");
        String flags = rs.getString("flags");
        Set<String> flagSet = flags == null || flags.isBlank()
                ? Set.of()
                : Arrays.stream(flags.split(",")).filter(s -> !s.isBlank()).collect(Collectors.toUnmodifiableSet());
        return new FileRecord(
                TaskId.parse(rs.getString("task_id")),
                rs.getInt("n"),
                file,
                enumOr(ArchiveState.class, rs.getString("archive_state"), ArchiveState.PENDING),
                local == null ? null : Path.of(local),
                getLong(rs, "local_size"),
                rs.getString("sha256_download"),
                rs.getString("sha256_final"),
                flagSet,
                rs.getInt("attempts"),
                rs.getString("last_error"),
                getInstant(rs, "archived_at"),
                Palette.decode(rs.getString("look_palette")));
    }

    static ReferenceInput readReference(ResultSet rs) throws SQLException {
        return new ReferenceInput(
                rs.getString("type"),
                rs.getString("category"),
                rs.getString("url"),
                rs.getString("file_id"),
                rs.getString("text"),
                rs.getString("usage"),
                rs.getString("reference_type"));
    }

    static void setInstant(PreparedStatement ps, int i, Instant v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, v.toEpochMilli());
        }
    }

    static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, v);
        }
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.REAL);
        } else {
            ps.setDouble(i, v);
        }
    }

    static Instant getInstant(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    public static Long getLong(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static Double getDouble(ResultSet rs, String col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    private static <E extends Enum<E>> E enumOr(Class<E> type, String name, E fallback) {
        try {
            return name == null ? fallback : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
