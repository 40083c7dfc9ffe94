package dev.aigcdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigcdesk.download.Hashes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every team file store must do, whatever holds the bytes: one suite, run against a folder and a bucket. */
public abstract class HashStoreContract {

    @TempDir
    protected Path dir;

    protected HashStore store;

    protected abstract HashStore openStore(Path dir) throws Exception;

    /** Overwrites what the store keeps under {@code key} with other bytes, as a failing disk would. */
    protected abstract void damage(String key, byte[] bytes) throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openStore(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void bytesAreKeptOnceUnderTheirHashAndComeBackVerified() throws Exception {
        Path png = file("a.png", "a lighthouse at dusk");
        String sha = Hashes.sha256(png);
        assertThat(store.has(sha, "png")).isFalse();
        assertThat(store.put(png, sha, "png")).isTrue();
        assertThat(store.has(sha, "png")).isTrue();
        assertThat(store.put(file("b.png", "a lighthouse at dusk"), sha, "png"))
                .as("the same bytes saved on another desktop are not kept twice")
                .isFalse();

        Path back = dir.resolve("back/a.png");
        store.get(sha, "png", back);
        assertThat(Files.readString(back)).isEqualTo("a lighthouse at dusk");
        assertThat(HashStore.keyOf(sha, "PNG"))
                .isEqualTo("sha256/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha + ".png");
    }

    @Test
    void bytesAreNeverKeptUnderAHashTheyDoNotHave() throws Exception {
        Path png = file("a.png", "one picture");
        String other = Hashes.sha256(file("b.png", "another picture"));
        assertThatThrownBy(() -> store.put(png, other, "png")).hasMessageContaining("Refused");
        assertThat(store.has(other, "png")).isFalse();
    }

    @Test
    void aMissingOrDamagedCopyIsSaidAndNothingIsWritten() throws Exception {
        Path png = file("a.png", "kept bytes");
        String sha = Hashes.sha256(png);
        Path target = dir.resolve("out/a.png");
        assertThatThrownBy(() -> store.get(sha, "png", target)).hasMessageContaining("does not hold");
        store.put(png, sha, "png");
        damage(HashStore.keyOf(sha, "png"), "other bytes".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> store.get(sha, "png", target)).hasMessageContaining("damaged");
        assertThat(target).doesNotExist();
        try (var left = Files.list(target.getParent())) {
            assertThat(left).as("no partial file left behind").isEmpty();
        }
    }

    @Test
    void hostileExtensionsAndHashesStayInside() {
        assertThat(HashStore.keyOf("a".repeat(64), "../../etc")).isEqualTo("sha256/aa/aa/" + "a".repeat(64) + ".etc");
        assertThatThrownBy(() -> HashStore.keyOf("../../../etc/passwd", "png"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
