package dev.aigcdesk.download;

import dev.aigcdesk.io.AtomicFiles;
import dev.aigcdesk.io.IoTrouble;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * "Download" in the window: a copy where the user chose. From the archived copy when there is one
 * (with its provenance), otherwise straight from the service's link.
 */
public final class SaveCopy {

    private final Downloader downloader;

    public SaveCopy(Downloader downloader) {
        this.downloader = downloader;
    }

    public Path save(Path archived, String url, Long expectedSize, Path destination)
            throws DownloadException, InterruptedException {
        Path dest = destination.toAbsolutePath().normalize();
        if (archived != null && Files.isRegularFile(archived)) {
            Path tmp = dest.resolveSibling("." + dest.getFileName() + ".part");
            try {
                Files.copy(archived, tmp, StandardCopyOption.REPLACE_EXISTING);
                AtomicFiles.replace(tmp, dest);
                return dest;
            } catch (IOException e) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
                if (IoTrouble.isNoSpace(e)) {
                    throw DownloadException.diskFull(dest.getParent(), e);
                }
                if (e instanceof AccessDeniedException) {
                    throw DownloadException.notAllowed(dest.getParent(), e);
                }
                throw new DownloadException(
                        DownloadException.Reason.LOCAL_STORAGE, "Cannot write " + dest + ": " + e.getMessage(), e);
            }
        }
        try {
            Files.deleteIfExists(dest);
        } catch (IOException e) {
            throw new DownloadException(
                    DownloadException.Reason.LOCAL_STORAGE, "Cannot replace " + dest + ": " + e.getMessage(), e);
        }
        return downloader
                .download(
                        new DownloadRequest(
                                url, dest.getParent(), dest.getFileName().toString(), expectedSize),
                        DownloadProgress.NONE)
                .file();
    }
}
