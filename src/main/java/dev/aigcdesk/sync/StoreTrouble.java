package dev.aigcdesk.sync;

import dev.aigcdesk.download.DownloadException;
import dev.aigcdesk.io.IoTrouble;
import dev.aigcdesk.store.Store;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Why the archive cannot take files: a full disk, no permission, no folder. Said once per pass by the archiver. */
final class StoreTrouble {

    private StoreTrouble() {}

    /** Why the archive cannot take files now, or null when it can. */
    static DownloadException unwritable(Store store) {
        Path where = Path.of(store.location());
        Path staging;
        try {
            staging = store.staging();
        } catch (IOException e) {
            if (IoTrouble.isNoSpace(e)) {
                return DownloadException.diskFull(where, e);
            }
            if (e instanceof AccessDeniedException) {
                return DownloadException.notAllowed(where, e);
            }
            return new DownloadException(
                    DownloadException.Reason.LOCAL_STORAGE,
                    "Cannot create the archive folder " + where + " (" + describe(e) + ").",
                    e);
        }
        if (!Files.isWritable(staging)) {
            return DownloadException.notAllowed(where, null);
        }
        return null;
    }

    /** An I/O failure in a few words for the log and the command line. */
    static String describe(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        var trouble = IoTrouble.of(e).map(IoTrouble::kind).orElse(null);
        if (trouble == IoTrouble.Kind.FULL) {
            return "the disk is full";
        }
        if (trouble == IoTrouble.Kind.DENIED || trouble == IoTrouble.Kind.READ_ONLY) {
            return "permission denied";
        }
        return e.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m);
    }
}
