package dev.aigcdesk.testing;

import dev.aigcdesk.store.s3.S3Location;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for the tests: S3Proxy on loopback over a folder (a bucket is a folder, an object a
 * file), checking AWS v4 signatures with its own keys, as a studio's MinIO would.
 */
public final class TestS3 implements AutoCloseable {

    public static final String ACCESS = "AKIDAIGCDESKTEST";
    public static final String SECRET = "s3-test-secret-key";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final Path folder;

    public TestS3(Path folder) throws Exception {
        this.folder = folder;
        Properties props = new Properties();
        props.setProperty("jclouds.filesystem.basedir", folder.toString());
        context = ContextBuilder.newBuilder("filesystem")
                .credentials("identity", "credential")
                .overrides(props)
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
                .build();
        proxy.start();
        long until = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("S3Proxy did not start");
            }
            Thread.sleep(10);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** A new bucket, made with the server's own keys (the app never makes buckets). */
    public S3Location newBucket(String name, String prefix) {
        try (S3Client c = S3Client.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET)))
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .build()) {
            c.createBucket(b -> b.bucket(name));
        }
        return new S3Location(name, prefix, endpoint(), "us-east-1", true);
    }

    /** The file the server keeps an object in (to damage it, as a failing disk would). */
    public Path objectFile(S3Location bucket, String key) {
        return folder.resolve(bucket.bucket()).resolve(bucket.prefix().isEmpty() ? key : bucket.prefix() + "/" + key);
    }

    public boolean holdsAnything(S3Location bucket, String key) {
        return Files.exists(objectFile(bucket, key));
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
