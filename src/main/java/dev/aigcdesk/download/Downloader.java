package dev.aigcdesk.download;

import dev.aigcdesk.io.AtomicFiles;
import dev.aigcdesk.io.IoTrouble;
import dev.aigcdesk.pacing.RetryPolicy;
import dev.aigcdesk.pacing.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a file to a hidden {@code .part} file beside its final place, resumes with {@code Range}
 * after a drop, checks the length, and only then moves it into place atomically. A half-written
 * file therefore never sits at a final path, and nothing is written outside the target folder.
 */
public final class Downloader {

    private static final Logger LOG = LoggerFactory.getLogger(Downloader.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    /**
     * What one download may take.
     *
     * @param maxBytes the most one output may be (its announced or actual length); 2 GiB
     * @param deadline the most one attempt may take, however slowly the bytes drip in
     * @param speedFloor bytes per second under which, for a whole {@code speedWindow}, a transfer is stalled
     * @param speedWindow how long a transfer may stay under the floor
     */
    public record Limits(long maxBytes, Duration deadline, long speedFloor, Duration speedWindow) {
        public static final Limits DEFAULT = new Limits(2L * 1024 * 1024 * 1024, Duration.ofMinutes(30));

        /** Under 1 KB/s for 30 s is a stall. */
        public Limits(long maxBytes, Duration deadline) {
            this(maxBytes, deadline, 1024, Duration.ofSeconds(30));
        }
    }

    private static final RetryPolicy DEFAULT_RETRY =
            new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));

    private final Supplier<OkHttpClient> http;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Limits limits;

    /** @param http the HTTP client, asked for on the first download (a session opens before it needs one) */
    public Downloader(
            Supplier<OkHttpClient> http, RetryPolicy retry, Sleeper sleeper, RandomGenerator random, Limits limits) {
        this.http = http;
        this.retry = retry;
        this.sleeper = sleeper;
        this.random = random;
        this.limits = limits;
    }

    public Downloader(OkHttpClient http, RetryPolicy retry, Sleeper sleeper, RandomGenerator random, Limits limits) {
        this(() -> http, retry, sleeper, random, limits);
    }

    public Downloader(OkHttpClient http, RetryPolicy retry, Sleeper sleeper, RandomGenerator random) {
        this(() -> http, retry, sleeper, random, Limits.DEFAULT);
    }

    /** Downloads over a session's connection (asked for on the first download), with the default retries. */
    public Downloader(java.util.function.Supplier<OkHttpClient> http, Limits limits) {
        this(http, DEFAULT_RETRY, Sleeper.REAL, RandomGenerator.getDefault(), limits);
    }

    public Downloader(OkHttpClient http) {
        this(() -> http, DEFAULT_RETRY, Sleeper.REAL, RandomGenerator.getDefault(), Limits.DEFAULT);
    }

    /** Refuses anything but an absolute http or https URL. */
    public static HttpUrl checkUrl(String url) throws DownloadException {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
        if (parsed == null) {
            String shown = url == null ? "(none)" : (url.length() > 80 ? url.substring(0, 77) + "..." : url);
            throw new DownloadException(
                    DownloadException.Reason.REFUSED,
                    "Refusing to download '" + shown + "': only http and https links are fetched.",
                    null);
        }
        return parsed;
    }

    /** The final path for a name inside a folder, or a refusal if the name would leave the folder. */
    public static Path resolveInside(Path folder, String fileName) throws DownloadException {
        String safe = FileNames.sanitize(fileName);
        Path dir = folder.toAbsolutePath().normalize();
        Path target = dir.resolve(safe).normalize();
        if (!dir.equals(target.getParent())) {
            throw new DownloadException(
                    DownloadException.Reason.REFUSED,
                    "Refusing to write '" + fileName + "' outside " + dir + ".",
                    null);
        }
        return target;
    }

    public DownloadResult download(DownloadRequest request, DownloadProgress progress)
            throws DownloadException, InterruptedException {
        HttpUrl url = checkUrl(request.url());
        Path target = resolveInside(request.folder(), request.fileName());
        Path part = target.resolveSibling("." + target.getFileName() + ".part");
        prepareFolder(target.getParent());
        DownloadException last = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            try {
                return transfer(url, request.expectedSize(), target, part, progress);
            } catch (DownloadException e) {
                last = e;
                if (!e.isRetryable() || attempt == retry.maxAttempts()) {
                    break;
                }
                Duration pause = retry.delayAfter(attempt, null, random);
                LOG.debug(
                        "Download of {} attempt {} failed ({}); retrying in {} ms",
                        target.getFileName(),
                        attempt,
                        e.getMessage(),
                        pause.toMillis());
                sleeper.sleep(pause);
            }
        }
        throw last;
    }

    private DownloadResult transfer(HttpUrl url, Long expectedSize, Path target, Path part, DownloadProgress progress)
            throws DownloadException, InterruptedException {
        long have = sizeOrZero(part);
        Request.Builder rb = new Request.Builder().url(url);
        if (have > 0) {
            rb.header("Range", "bytes=" + have + "-");
        }
        Call call = http.get().newCall(rb.build());
        call.timeout().timeout(limits.deadline().toMillis(), TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            int code = response.code();
            ResponseBody body = response.body();
            long total;
            boolean append;
            if (code == 206 && have > 0) {
                Matcher m = CONTENT_RANGE.matcher(response.header("Content-Range", ""));
                if (!m.matches() || Long.parseLong(m.group(1)) != have) {
                    Files.deleteIfExists(part);
                    throw new DownloadException(
                            DownloadException.Reason.TRANSFER,
                            "The server resumed at the wrong place; starting over.",
                            null);
                }
                total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
                append = true;
            } else if (code == 200) {
                total = body.contentLength();
                append = false;
                have = 0;
            } else if (code == 416) {
                Files.deleteIfExists(part);
                throw new DownloadException(
                        DownloadException.Reason.TRANSFER, "The server refused to resume; starting over.", null);
            } else if (code == 404 || code == 410 || code == 403) {
                throw new DownloadException(
                        DownloadException.Reason.GONE,
                        "The file is no longer on the server (HTTP " + code + "). It may have expired.",
                        null);
            } else {
                throw new DownloadException(
                        DownloadException.Reason.TRANSFER, "The server answered HTTP " + code + ".", null);
            }
            if (total > limits.maxBytes()) {
                Files.deleteIfExists(part);
                throw tooLarge(total);
            }
            ensureSpace(target.getParent(), total < 0 ? 0 : total - have);
            StallWatch watch = new StallWatch(limits.speedFloor(), limits.speedWindow(), System::nanoTime);
            long written;
            try {
                written = copy(body.byteStream(), part, append, have, total, progress, limits.maxBytes(), watch);
            } catch (StallWatch.Stalled e) {
                // A server that drips may be sending anything: the partial file goes, the next attempt starts clean.
                Files.deleteIfExists(part);
                throw DownloadException.stalled(e.bytes(), e.window(), limits.speedFloor(), e);
            }
            if (written > limits.maxBytes()) {
                Files.deleteIfExists(part);
                throw tooLarge(written);
            }
            if (total >= 0 && written != total) {
                throw new DownloadException(
                        DownloadException.Reason.TRANSFER,
                        "The transfer stopped at " + written + " of " + total + " bytes; it will resume.",
                        null);
            }
            if (total < 0 && expectedSize != null && written < expectedSize) {
                // No length from the server, and fewer bytes than announced: most likely cut off. Resume from here.
                throw new DownloadException(
                        DownloadException.Reason.TRANSFER,
                        "The transfer ended at " + written + " of " + expectedSize + " bytes; it will resume.",
                        null);
            }
            // Complete by HTTP's word: a different size in the task's metadata is recorded, never a reason to throw
            // bytes away.
            boolean disagrees = expectedSize != null && written != expectedSize;
            if (disagrees) {
                LOG.warn(
                        "{}: got {} bytes, complete by HTTP, but the task said {}; kept and flagged",
                        target.getFileName(),
                        written,
                        expectedSize);
            }
            return place(part, target, written, disagrees);
        } catch (DownloadException e) {
            throw e;
        } catch (AccessDeniedException e) {
            throw DownloadException.notAllowed(target.getParent(), e);
        } catch (FileSystemException e) {
            throw localStorage(target, e);
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("Download interrupted");
            }
            throw new DownloadException(
                    DownloadException.Reason.TRANSFER, "The server stopped answering; it will resume.", e);
        } catch (IOException e) {
            if (IoTrouble.isNoSpace(e)) {
                throw localStorage(target, e);
            }
            throw new DownloadException(
                    DownloadException.Reason.TRANSFER,
                    "The connection dropped (" + e.getClass().getSimpleName() + "); it will resume.",
                    e);
        }
    }

    private DownloadException tooLarge(long bytes) {
        return new DownloadException(
                DownloadException.Reason.TOO_LARGE,
                "The file is " + (bytes > limits.maxBytes() ? "over " : "") + limits.maxBytes() / (1024 * 1024)
                        + " MiB, the most AIGC Desk stores for one output; nothing was kept.",
                null);
    }

    /** Copies until the end, or until one byte past {@code cap} (the caller then throws the file away). */
    private static long copy(
            InputStream in,
            Path part,
            boolean append,
            long have,
            long total,
            DownloadProgress progress,
            long cap,
            StallWatch watch)
            throws IOException {
        long written = have;
        byte[] buffer = new byte[64 * 1024];
        StandardOpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
                OutputStream out = Channels.newOutputStream(channel)) {
            int n;
            try {
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    written += n;
                    progress.update(written, total);
                    watch.delivered(n);
                    if (written > cap) {
                        break;
                    }
                }
            } finally {
                out.flush();
                channel.force(true);
            }
        }
        return written;
    }

    /** Moves the finished bytes into place, named by what they are (a JPEG behind a .png link becomes .jpg). */
    private static DownloadResult place(Path part, Path target, long size, boolean sizeDisagrees) throws IOException {
        String sha = Hashes.sha256(part);
        String named = FileTypes.extensionOf(target.getFileName().toString());
        String type = FileTypes.sniff(part).orElse(named);
        if (!type.equals(named) && !(type.equals("jpg") && named.equals("jpeg"))) {
            target = target.resolveSibling(
                    FileTypes.withExtension(target.getFileName().toString(), type));
        }
        if (Files.exists(target)) {
            if (Files.size(target) == size && Hashes.sha256(target).equals(sha)) {
                Files.delete(part);
                return new DownloadResult(target, size, sha, true, type, sizeDisagrees);
            }
            target = freeName(target);
        }
        AtomicFiles.place(part, target);
        return new DownloadResult(target, size, sha, false, type, sizeDisagrees);
    }

    /** "name (2).ext", so a different file already there is never overwritten. */
    public static Path freeName(Path target) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int i = 2; ; i++) {
            Path candidate = target.resolveSibling(base + " (" + i + ")" + ext);
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }

    private static void prepareFolder(Path dir) throws DownloadException {
        try {
            Files.createDirectories(dir);
        } catch (AccessDeniedException e) {
            throw DownloadException.notAllowed(dir, e);
        } catch (IOException e) {
            if (IoTrouble.isNoSpace(e)) {
                throw DownloadException.diskFull(dir, e);
            }
            throw new DownloadException(
                    DownloadException.Reason.LOCAL_STORAGE,
                    "Cannot create the folder " + dir + " (" + e.getClass().getSimpleName() + ").",
                    e);
        }
        if (!Files.isWritable(dir)) {
            throw DownloadException.notAllowed(dir, null);
        }
    }

    private static void ensureSpace(Path dir, long needed) throws IOException, DownloadException {
        long usable = Files.getFileStore(dir).getUsableSpace();
        if (needed > 0 && usable < needed) {
            LOG.warn("{}: {} bytes needed, {} free", dir, needed, usable);
            throw DownloadException.diskFull(dir, null);
        }
    }

    private static DownloadException localStorage(Path target, IOException e) {
        if (IoTrouble.isNoSpace(e)) {
            return DownloadException.diskFull(target.getParent(), e);
        }
        return new DownloadException(
                DownloadException.Reason.LOCAL_STORAGE,
                "Cannot write to " + target.getParent() + ": " + e.getClass().getSimpleName() + ".",
                e);
    }

    private static long sizeOrZero(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
