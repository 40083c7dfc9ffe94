package dev.aigcdesk.store.s3;

import dev.aigcdesk.download.Hashes;
import dev.aigcdesk.io.AtomicFiles;
import dev.aigcdesk.store.HashStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The team's files in a bucket on S3-compatible storage (Tencent COS, MinIO, AWS). Each upload carries
 * its Content-MD5, which every such store checks on receipt; the SDK's newer default checksums are
 * sent only where required, since third-party stores refuse them. Files over the multipart threshold
 * go up in parts, and an upload cut short (even by {@code kill -9}) resumes where the store has its
 * parts: the upload's id waits in a small file until it completes. Until then nothing is visible under
 * the final key.
 */
public final class S3HashStore implements HashStore {

    private static final Logger LOG = LoggerFactory.getLogger(S3HashStore.class);
    public static final long MULTIPART_THRESHOLD = 64L * 1024 * 1024;
    public static final long PART_SIZE = 16L * 1024 * 1024;

    private final S3Location where;
    private final S3Client s3;
    private final Path uploads;
    private final long threshold;
    private final long partSize;
    private final IntConsumer afterPart;

    /**
     * @param uploads   where unfinished multipart uploads are remembered (this desktop's cache folder)
     * @param afterPart told each part number once the store has it (progress; tests stop here)
     */
    public S3HashStore(
            S3Location where,
            String accessKey,
            String secretKey,
            Path uploads,
            long threshold,
            long partSize,
            IntConsumer afterPart) {
        this.where = where;
        this.uploads = uploads;
        this.threshold = threshold;
        this.partSize = partSize;
        this.afterPart = afterPart;
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(where.region()))
                .forcePathStyle(where.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        if (where.endpoint() != null) {
            builder.endpointOverride(where.endpoint());
        }
        this.s3 = builder.build();
    }

    public S3HashStore(S3Location where, String accessKey, String secretKey, Path uploads) {
        this(where, accessKey, secretKey, uploads, MULTIPART_THRESHOLD, PART_SIZE, n -> {});
    }

    @Override
    public boolean has(String sha256, String ext) throws IOException {
        String key = where.key(HashStore.keyOf(sha256, ext));
        try {
            s3.headObject(b -> b.bucket(where.bucket()).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw trouble("look for " + key, e);
        } catch (SdkException e) {
            throw trouble("look for " + key, e);
        }
    }

    @Override
    public boolean put(Path file, String sha256, String ext) throws IOException {
        String got = Hashes.sha256(file);
        if (!got.equals(sha256)) {
            throw new IOException(
                    "Refused to keep " + file.getFileName() + " under " + sha256 + ": its bytes have the hash " + got);
        }
        if (has(sha256, ext)) {
            return false;
        }
        String key = where.key(HashStore.keyOf(sha256, ext));
        long size = Files.size(file);
        try {
            if (size <= threshold) {
                String md5 = md5(file, 0, size);
                s3.putObject(
                        b -> b.bucket(where.bucket())
                                .key(key)
                                .contentLength(size)
                                .contentMD5(md5)
                                .metadata(Map.of("sha256", sha256)),
                        RequestBody.fromFile(file));
            } else {
                putInParts(file, sha256, key, size);
            }
        } catch (SdkException e) {
            throw trouble("upload " + key, e);
        }
        LOG.info("Kept {} ({} bytes) in the team's store", key, size);
        return true;
    }

    private void putInParts(Path file, String sha256, String key, long size) throws IOException {
        Path state = uploads.resolve(sha256 + ".upload");
        String uploadId = Files.isRegularFile(state) ? Files.readString(state).strip() : null;
        Map<Integer, String> done = new TreeMap<>();
        if (uploadId != null) {
            String resumed = uploadId;
            try {
                for (Part p : s3.listPartsPaginator(
                                b -> b.bucket(where.bucket()).key(key).uploadId(resumed))
                        .parts()) {
                    if (p.size() == partLength(p.partNumber(), size)) {
                        done.put(p.partNumber(), p.eTag());
                    }
                }
                LOG.info("Resuming the upload of {}: the store has {} of its parts", key, done.size());
            } catch (NoSuchUploadException gone) {
                uploadId = null;
            }
        }
        if (uploadId == null) {
            uploadId = s3.createMultipartUpload(
                            b -> b.bucket(where.bucket()).key(key).metadata(Map.of("sha256", sha256)))
                    .uploadId();
            Files.createDirectories(uploads);
            Path tmp = Files.createTempFile(uploads, ".upload-", ".tmp");
            Files.writeString(tmp, uploadId);
            AtomicFiles.replace(tmp, state);
        }
        int parts = (int) ((size + partSize - 1) / partSize);
        String id = uploadId;
        for (int n = 1; n <= parts; n++) {
            if (done.containsKey(n)) {
                continue;
            }
            long from = (n - 1) * partSize;
            long length = partLength(n, size);
            int number = n;
            byte[] bytes = read(file, from, length);
            String etag = s3.uploadPart(
                            b -> b.bucket(where.bucket())
                                    .key(key)
                                    .uploadId(id)
                                    .partNumber(number)
                                    .contentLength(length)
                                    .contentMD5(Base64.getEncoder().encodeToString(md5(bytes))),
                            RequestBody.fromBytes(bytes))
                    .eTag();
            done.put(n, etag);
            afterPart.accept(n);
        }
        List<CompletedPart> completed = new ArrayList<>();
        done.forEach((n, etag) ->
                completed.add(CompletedPart.builder().partNumber(n).eTag(etag).build()));
        s3.completeMultipartUpload(b -> b.bucket(where.bucket())
                .key(key)
                .uploadId(id)
                .multipartUpload(
                        CompletedMultipartUpload.builder().parts(completed).build()));
        long stored = s3.headObject(b -> b.bucket(where.bucket()).key(key)).contentLength();
        if (stored != size) {
            throw new IOException("The store kept " + stored + " bytes of " + key + " instead of " + size);
        }
        Files.deleteIfExists(state);
    }

    private long partLength(int n, long size) {
        return Math.min(partSize, size - (n - 1) * partSize);
    }

    @Override
    public void get(String sha256, String ext, Path target) throws IOException {
        String key = where.key(HashStore.keyOf(sha256, ext));
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(".get-" + sha256.substring(0, 16) + "-" + System.nanoTime() + ".part");
        try {
            s3.getObject(b -> b.bucket(where.bucket()).key(key), ResponseTransformer.toFile(tmp));
            String got = Hashes.sha256(tmp);
            if (!got.equals(sha256)) {
                throw new IOException(
                        "The team's copy of " + key + " is damaged (its hash is " + got + "); nothing was written");
            }
            AtomicFiles.replace(tmp, target);
        } catch (NoSuchKeyException e) {
            throw new IOException("The team's store " + where.shown() + " does not hold " + key, e);
        } catch (SdkException e) {
            throw trouble("download " + key, e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public String location() {
        return where.shown();
    }

    @Override
    public void close() {
        s3.close();
    }

    private IOException trouble(String what, SdkException e) {
        if (e instanceof S3Exception s && (s.statusCode() == 403 || s.statusCode() == 401)) {
            return new IOException(
                    "The team's store " + where.shown() + " refused to " + what + " ("
                            + s.awsErrorDetails().errorCode()
                            + "): check the access keys and the bucket policy in the README",
                    e);
        }
        if (e instanceof S3Exception s && s.statusCode() == 404) {
            return new IOException("The team's store has no bucket " + where.bucket() + " (" + where.shown() + ")", e);
        }
        if (e instanceof SdkClientException) {
            return new IOException(
                    "The team's store " + where.shown() + " cannot be reached (could not " + what + ")", e);
        }
        return new IOException("The team's store " + where.shown() + " could not " + what + ": " + e.getMessage(), e);
    }

    private static byte[] read(Path file, long from, long length) throws IOException {
        byte[] out = new byte[(int) length];
        try (var ch = Files.newByteChannel(file)) {
            ch.position(from);
            var buf = ByteBuffer.wrap(out);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // Read until the part is full.
            }
        }
        return out;
    }

    private static String md5(Path file, long from, long length) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(from);
            byte[] buf = new byte[1 << 16];
            long left = length;
            int n;
            while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                md.update(buf, 0, n);
                left -= n;
            }
        }
        return Base64.getEncoder().encodeToString(md.digest());
    }

    private static byte[] md5(byte[] bytes) {
        return digest().digest(bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has MD5", e);
        }
    }
}
