package dev.aigcdesk.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's own memory as the operating system counts it (for the bench). */
public final class ProcessMemory {

    private ProcessMemory() {}

    /** The peak resident set size in MiB (Linux's VmHWM), or -1 where it cannot be read. */
    public static long peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
