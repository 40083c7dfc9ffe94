package dev.aigcdesk.store.folder;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thumbnails kept by hash and size; one shown is marked as shown (at most once an hour), so a capped cache keeps it. */
class ThumbnailFolderTest {

    @TempDir
    Path dir;

    @Test
    void aThumbnailShownIsMarkedAsShownAndAMissingOneIsNotFound() throws Exception {
        ThumbnailFolder folder = new ThumbnailFolder(dir);
        String sha = "ab".repeat(32);
        assertThat(folder.find(sha, 160)).isEmpty();
        folder.store(sha, 160, new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB));
        Path p = folder.find(sha, 160).orElseThrow();
        Instant longAgo = Instant.now().minus(Duration.ofDays(3));
        Files.setLastModifiedTime(p, FileTime.from(longAgo));

        assertThat(folder.find(sha, 160)).contains(p);
        assertThat(Files.getLastModifiedTime(p).toInstant())
                .isAfter(Instant.now().minus(Duration.ofMinutes(1)));
        assertThat(folder.find("cd".repeat(32), 160)).isEmpty();
        assertThat(folder.find(sha, 320))
                .as("another size is another thumbnail")
                .isEmpty();
    }
}
