package dev.aigcdesk.library.sqlite;

import dev.aigcdesk.library.LibraryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An OS file lock beside the library, so that only one process polls and archives it at a time.
 * The lock dies with its process, so a crash never leaves it stuck.
 */
public final class ProcessLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ProcessLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another process holds it. */
    public static Optional<ProcessLock> tryAcquire(Path lockFile) throws LibraryException {
        try {
            Files.createDirectories(lockFile.toAbsolutePath().getParent());
            FileChannel ch = FileChannel.open(
                    lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                ch.close();
                return Optional.empty();
            }
            ch.truncate(0);
            ch.write(
                    ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
            ch.force(false);
            return Optional.of(new ProcessLock(ch, l));
        } catch (IOException e) {
            throw new LibraryException(
                    LibraryException.Kind.STORAGE,
                    "Cannot create the lock file " + lockFile + ": " + e.getMessage(),
                    e);
        }
    }

    /** The process id written by the holder, for messages. */
    public static String holder(Path lockFile) {
        try {
            return Files.readString(lockFile, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // The OS releases the lock when the channel or the process goes away.
        }
    }
}
