package com.opensvc.aftersales.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How busy the machine was during a measured window (Linux /proc): the cores' busy share from /proc/stat and the
 * 1-minute load average at its end. Elsewhere both read as unknown; the figures stay valid, only unannotated.
 */
final class MachineLoad {
    /** Jiffies of all CPUs at one instant: busy and total. */
    record Mark(long busy, long total) {
    }

    /** Over a window: how many cores' worth were busy (of {@code cores}), and the load average at its end. */
    record Sample(double busyCores, int cores, String loadAverage) {
        @Override
        public String toString() {
            return busyCores < 0 ? "machine load unknown"
                    : String.format("machine: %d cores, %.2f cores busy during the window, load average %s", cores,
                    busyCores, loadAverage);
        }
    }

    private MachineLoad() {
    }

    static Mark mark() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst();
            long[] f = Arrays.stream(cpu.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
            long idle = f[3] + (f.length > 4 ? f[4] : 0);   // idle + iowait
            long total = 0;
            for (int i = 0; i < Math.min(f.length, 8); i++) {   // user … steal; guest is already in user
                total += f[i];
            }
            return new Mark(total - idle, total);
        } catch (IOException | RuntimeException e) {
            return new Mark(-1, -1);
        }
    }

    static Sample since(Mark from) {
        Mark to = mark();
        int cores = Runtime.getRuntime().availableProcessors();
        if (from.total() < 0 || to.total() <= from.total()) {
            return new Sample(-1, cores, "unknown");
        }
        double busyShare = (double) (to.busy() - from.busy()) / (to.total() - from.total());
        String loadAverage;
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            loadAverage = parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            loadAverage = "unknown";
        }
        return new Sample(busyShare * cores, cores, loadAverage);
    }
}
