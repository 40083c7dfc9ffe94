package dev.aigcdesk.store.s3;

import java.net.URI;
import java.nio.file.Path;

/** A desktop uploading one big file, in a process of its own so that a test can kill -9 it mid-upload. */
public final class S3UploadChild {

    private S3UploadChild() {}

    public static void main(String[] args) throws Exception {
        S3Location where = new S3Location(args[1], "team", URI.create(args[0]), "us-east-1", true);
        try (S3HashStore store = new S3HashStore(
                where, args[4], args[5], Path.of(args[3]), S3HashStoreTest.THRESHOLD, S3HashStoreTest.PART, n -> {
                    System.out.println("PART " + n);
                    System.out.flush();
                    try {
                        Thread.sleep(400);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })) {
            store.put(Path.of(args[2]), args[6], "mp4");
        }
        System.out.println("DONE");
    }
}
