package dev.aigcdesk.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A team's files, each kept once under the SHA-256 of its bytes, whoever saved it: the same picture
 * saved on two desktops is one object. Nothing is ever kept under a hash its bytes do not have, and
 * nothing is visible under its key before all of it is there. A port: a bucket on S3-compatible
 * storage ({@code store.s3}) or a shared folder ({@code store.folder}).
 */
public interface HashStore extends AutoCloseable {

    /** Where bytes with this hash are kept, below the store's prefix: {@code sha256/ab/cd/<hash>.<ext>}. */
    static String keyOf(String sha256, String ext) {
        String h = sha256.toLowerCase(Locale.ROOT);
        if (!h.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        String e = ext == null ? "" : ext.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return "sha256/" + h.substring(0, 2) + "/" + h.substring(2, 4) + "/" + h + (e.isEmpty() ? "" : "." + e);
    }

    /** The extension a file is kept under: its own name's ("" for none, or for no file). */
    static String extensionOf(Path file) {
        String name = file == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    /** Whether the store holds the bytes with this hash. */
    boolean has(String sha256, String ext) throws IOException;

    /**
     * Keeps {@code file}'s bytes under their hash, checked on the way (the file must have {@code sha256},
     * and the store checks what it received). Returns false when the store held them already.
     */
    boolean put(Path file, String sha256, String ext) throws IOException;

    /** Copies the bytes with this hash to {@code target}, refusing them unless they have that hash. */
    void get(String sha256, String ext, Path target) throws IOException;

    /** Where it is, as a studio's technical lead would name it. */
    String location();

    @Override
    default void close() {}
}
