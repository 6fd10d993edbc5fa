package com.opensvc.aftersales.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Proportional set size (Linux {@code /proc/<pid>/smaps_rollup}, the sum of its {@code Pss:} line) of the platform:
 * its JVM and, separately, its PostgreSQL server (the postmaster and every backend).
 * PSS charges a shared page to each process that maps it by its share, so the sum over processes is the memory the
 * platform really holds: PostgreSQL's shared buffers count once, not once per backend.
 */
record MemoryPss(long jvmKib, long postgresKib, int postgresProcesses) {

    /**
     * @param pid         the platform's JVM
     * @param postmaster  its PostgreSQL server's postmaster (started through pg_ctl, so not the JVM's child: init
     *                    adopts it); the postmaster and all its descendants (backends, WAL senders, background workers)
     */
    static MemoryPss of(long pid, long postmaster) {
        List<ProcessHandle> postgres = new java.util.ArrayList<>();
        ProcessHandle.of(postmaster).ifPresent(p -> {
            postgres.add(p);
            p.descendants().forEach(postgres::add);
        });
        long kib = 0;
        int counted = 0;
        for (ProcessHandle process : postgres) {
            long one = pssKib(process.pid());
            if (one >= 0) {
                kib += one;
                counted++;
            }
        }
        return new MemoryPss(pssKib(pid), kib, counted);
    }

    long totalKib() {
        return jvmKib + postgresKib;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PSS %.0f MiB (JVM %.0f MiB + PostgreSQL %.0f MiB in %d processes)",
                totalKib() / 1024.0, jvmKib / 1024.0, postgresKib / 1024.0, postgresProcesses);
    }

    /** The {@code Pss:} of one process in KiB, or -1 when it is gone or unreadable (not Linux). */
    static long pssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
