package com.opensvc.aftersales.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed-loop load: {@code clients} workers, each sending its next call as soon as the previous one answered (like
 * wrk's connections and pgbench's clients), first for a warm-up that is not counted, then for the measured window.
 * Latencies go to an HdrHistogram; a call that fails counts as an error, by its outcome (an HTTP status, an exception
 * type), never as a success.
 */
final class ClosedLoop {

    /** One call of worker {@code client}, its {@code sequence}-th; answers its outcome: "ok" or what went wrong. */
    @FunctionalInterface
    interface Call {
        String call(int client, long sequence) throws Exception;
    }

    /** What the measured window saw. */
    record Result(long ok, Map<String, Long> errors, Duration window, Histogram latencies, MachineLoad.Sample load) {
        double perSecond() {
            return ok / (window.toNanos() / 1e9);
        }

        double p50Millis() {
            return latencies.getValueAtPercentile(50) / 1e6;
        }

        double p99Millis() {
            return latencies.getValueAtPercentile(99) / 1e6;
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static final String OK = "ok";

    private ClosedLoop() {
    }

    static Result run(int clients, Duration warmUp, Duration measured, ThreadFactory threads, Call call)
            throws InterruptedException {
        Recorder recorder = new Recorder(3);
        LongAdder ok = new LongAdder();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        AtomicLong sequence = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measured.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            workers.add(threads.newThread(() -> {
                while (true) {
                    long before = System.nanoTime();
                    if (before >= end) {
                        return;
                    }
                    String outcome;
                    try {
                        outcome = call.call(client, sequence.incrementAndGet());
                    } catch (Exception e) {
                        outcome = e.getClass().getSimpleName();
                    }
                    long after = System.nanoTime();
                    // a call counts in the window it started and finished in
                    if (before >= measureFrom && after <= end) {
                        if (OK.equals(outcome)) {
                            ok.increment();
                            recorder.recordValue(after - before);
                        } else {
                            errors.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                        }
                    }
                }
            }));
        }
        workers.forEach(Thread::start);
        long toMeasure = measureFrom - System.nanoTime();
        if (toMeasure > 0) {
            Thread.sleep(toMeasure / 1_000_000, (int) (toMeasure % 1_000_000));
        }
        MachineLoad.Mark loadFrom = MachineLoad.mark();
        long toEnd = end - System.nanoTime();
        if (toEnd > 0) {
            Thread.sleep(toEnd / 1_000_000, (int) (toEnd % 1_000_000));
        }
        MachineLoad.Sample load = MachineLoad.since(loadFrom);
        for (Thread worker : workers) {
            worker.join();
        }
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
        return new Result(ok.sum(), errorCounts, measured, recorder.getIntervalHistogram(), load);
    }
}
