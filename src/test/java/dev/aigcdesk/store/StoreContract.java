package dev.aigcdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigcdesk.download.Hashes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every store must do, whatever holds the bytes: one suite, run against each adapter (a folder here). */
public abstract class StoreContract {

    @TempDir
    protected Path dir;

    protected Store store;

    /** A new, empty store of this kind, its local files (if any) under {@code dir}. */
    protected abstract Store openStore(Path dir) throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openStore(dir);
    }

    private Path staged(String text) throws Exception {
        return Files.writeString(store.staging().resolve("t-" + System.nanoTime()), text, StandardCharsets.UTF_8);
    }

    @Test
    void aVerifiedFileIsPutInItsPlaceAndHeldByItsHash() throws Exception {
        Path file = staged("a lighthouse");
        String sha = Hashes.sha256(file);
        Path place = store.reserve("2026-11", "lighthouse-1.png", sha);
        assertThat(store.holds(place, sha)).as("reserved, not yet taken").isFalse();
        store.put(file, null, place);
        assertThat(store.holds(place, sha)).isTrue();
        assertThat(store.holds(place, Hashes.sha256(staged("something else"))))
                .as("another hash is not these bytes")
                .isFalse();
        assertThat(store.files()).containsExactly(place);
    }

    @Test
    void aDifferentFileUnderTheSameNameNeverReplacesTheFirst() throws Exception {
        Path first = staged("first");
        String firstSha = Hashes.sha256(first);
        Path firstPlace = store.reserve("2026-11", "poster-1.png", firstSha);
        store.put(first, null, firstPlace);

        Path second = staged("second");
        String secondSha = Hashes.sha256(second);
        Path secondPlace = store.reserve("2026-11", "poster-1.png", secondSha);
        assertThat(secondPlace).isNotEqualTo(firstPlace);
        store.put(second, null, secondPlace);
        assertThat(store.holds(firstPlace, firstSha)).isTrue();
        assertThat(store.holds(secondPlace, secondSha)).isTrue();

        Path again = staged("first");
        assertThat(store.reserve("2026-11", "poster-1.png", Hashes.sha256(again)))
                .as("the same bytes again go where they already are")
                .isEqualTo(firstPlace);
    }

    @Test
    void aSidecarTravelsWithItsFileAndIsNotCountedAsOne() throws Exception {
        Path clip = staged("a clip");
        Path sidecar = Files.writeString(store.staging().resolve("clip.json"), "{\"taskId\":\"x\"}");
        Path place = store.reserve("2026-11", "clip-1.mp4", Hashes.sha256(clip));
        store.put(clip, sidecar, place);
        assertThat(store.files()).containsExactly(place);
        assertThat(Files.readString(place.resolveSibling(place.getFileName() + ".json")))
                .contains("taskId");
    }

    @Test
    void aNameBuiltToLeaveTheStoreStaysInside() throws Exception {
        Path file = staged("hostile");
        String sha = Hashes.sha256(file);
        Path place = store.reserve("../..", "../../etc/passwd", sha);
        store.put(file, null, place);
        assertThat(store.files()).containsExactly(place);
        assertThat(place.toAbsolutePath().normalize().toString()).startsWith(store.location());
        assertThat(dir.resolve("etc/passwd")).doesNotExist();
    }
}
