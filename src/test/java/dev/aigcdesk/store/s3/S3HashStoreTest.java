package dev.aigcdesk.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigcdesk.download.Hashes;
import dev.aigcdesk.store.HashStore;
import dev.aigcdesk.store.HashStoreContract;
import dev.aigcdesk.testing.TestS3;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The contract on a real S3 server (S3Proxy, v4 signatures checked), and what only a bucket must do. */
class S3HashStoreTest extends HashStoreContract {

    static final long THRESHOLD = 6L * 1024 * 1024;
    static final long PART = 5L * 1024 * 1024;

    private TestS3 server;
    private S3Location bucket;

    @Override
    protected HashStore openStore(Path dir) throws Exception {
        server = new TestS3(Files.createDirectories(dir.resolve("s3-server")));
        bucket = server.newBucket("studio-files", "team");
        return new S3HashStore(bucket, TestS3.ACCESS, TestS3.SECRET, dir.resolve("uploads"), THRESHOLD, PART, n -> {});
    }

    @Override
    protected void damage(String key, byte[] bytes) throws Exception {
        Files.write(server.objectFile(bucket, key), bytes);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private Path bigFile(String name, int megabytes) throws Exception {
        byte[] bytes = new byte[megabytes * 1024 * 1024 + 12345];
        new Random(megabytes).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void aBigFileGoesUpInPartsAndComesBackWhole() throws Exception {
        Path video = bigFile("clip.mp4", 16);
        String sha = Hashes.sha256(video);
        List<Integer> parts = new ArrayList<>();
        try (S3HashStore s = new S3HashStore(
                bucket, TestS3.ACCESS, TestS3.SECRET, dir.resolve("uploads"), THRESHOLD, PART, parts::add)) {
            assertThat(s.put(video, sha, "mp4")).isTrue();
        }
        assertThat(parts).containsExactly(1, 2, 3, 4);
        Path back = dir.resolve("back.mp4");
        store.get(sha, "mp4", back);
        assertThat(Hashes.sha256(back)).isEqualTo(sha);
        try (var left = Files.list(dir.resolve("uploads"))) {
            assertThat(left).as("the finished upload is forgotten").isEmpty();
        }
    }

    @Test
    void anUploadKilledMidwayResumesWithThePartsTheStoreHasAndNothingShowsUnderTheKeyBefore() throws Exception {
        Path video = bigFile("long.mp4", 21);
        String sha = Hashes.sha256(video);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        S3UploadChild.class.getName(),
                        server.endpoint().toString(),
                        bucket.bucket(),
                        video.toString(),
                        dir.resolve("uploads").toString(),
                        TestS3.ACCESS,
                        TestS3.SECRET,
                        sha)
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("PART 2")) {
                // Wait until the store has two parts.
            }
            assertThat(line).as("the child uploaded two parts").isEqualTo("PART 2");
            child.destroyForcibly(); // SIGKILL: no clean-up runs
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(store.has(sha, "mp4"))
                .as("no partial object under the final key")
                .isFalse();
        assertThat(Files.list(dir.resolve("uploads")))
                .as("the upload is remembered")
                .hasSize(1);

        List<Integer> sentAgain = new ArrayList<>();
        try (S3HashStore s = new S3HashStore(
                bucket, TestS3.ACCESS, TestS3.SECRET, dir.resolve("uploads"), THRESHOLD, PART, sentAgain::add)) {
            assertThat(s.put(video, sha, "mp4")).isTrue();
        }
        assertThat(sentAgain)
                .as("only the parts the store did not have")
                .doesNotContain(1, 2)
                .contains(5);
        Path back = dir.resolve("back.mp4");
        store.get(sha, "mp4", back);
        assertThat(Hashes.sha256(back)).isEqualTo(sha);
    }

    @Test
    void wrongKeysAMissingBucketAndADeadStoreAreSaidPlainly() throws Exception {
        Path png = Files.writeString(dir.resolve("a.png"), "a picture");
        String sha = Hashes.sha256(png);
        try (S3HashStore wrong = new S3HashStore(bucket, TestS3.ACCESS, "not-the-secret", dir.resolve("u1"))) {
            assertThatThrownBy(() -> wrong.put(png, sha, "png"))
                    .hasMessageContaining("refused")
                    .hasMessageContaining("bucket policy")
                    .hasMessageNotContaining("not-the-secret");
        }
        S3Location none = new S3Location("no-such-bucket", "", server.endpoint(), "us-east-1", true);
        try (S3HashStore missing = new S3HashStore(none, TestS3.ACCESS, TestS3.SECRET, dir.resolve("u2"))) {
            assertThatThrownBy(() -> missing.put(png, sha, "png")).hasMessageContaining("no-such-bucket");
        }
        S3Location dead = new S3Location("studio-files", "", URI.create("http://127.0.0.1:1"), "us-east-1", true);
        try (S3HashStore gone = new S3HashStore(dead, TestS3.ACCESS, TestS3.SECRET, dir.resolve("u3"))) {
            assertThatThrownBy(() -> gone.put(png, sha, "png"))
                    .hasMessageContaining("cannot be reached")
                    .hasMessageContaining("127.0.0.1:1");
        }
        assertThat(store.has(sha, "png")).isFalse();
    }

    @Test
    void storesAreWrittenAsStudiosWriteThemAndOddOnesRefused() {
        S3Location cos = S3Location.parse(
                "s3://studio-1250000000/aigc/", "https://cos.ap-guangzhou.myqcloud.com", "ap-guangzhou", false);
        assertThat(cos.bucket()).isEqualTo("studio-1250000000");
        assertThat(cos.prefix()).isEqualTo("aigc");
        assertThat(cos.shown()).isEqualTo("s3://studio-1250000000/aigc at https://cos.ap-guangzhou.myqcloud.com");
        for (String bad : List.of("", "studio", "s3://", "s3://UPPER/x", "s3://b/../../x", "http://b/x")) {
            assertThatThrownBy(() -> S3Location.parse(bad, null, null, true))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> S3Location.parse("s3://bucket", "file:///etc", null, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
