package com.opensvc.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.local.LifecycleActors.Plan;
import com.opensvc.aftersales.local.LifecycleActors.Planned;

/**
 * Issue 18's fault harness: tickets through their whole lifecycle, driven through the gateway by scripted actors
 * working concurrently, while the harness restarts the Kafka broker, kills and restarts a Debezium relay, restarts a
 * service, and delivers a share of the events twice; then {@link FaultChecker} reads every database and topic. It
 * prints what it injected and what it checked.
 * <p>
 * The short version runs in {@code ./mvnw verify} (deploy/local's failsafe run, beside {@code LocalPlatformJarIT});
 * 10,000 tickets on demand (docs/performance.md, "Faults"): {@code ./mvnw -B -pl deploy/local -am verify
 * -Dit.test=FaultHarnessIT -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailsafe.failIfNoSpecifiedTests=false -Daftersales.faults.tickets=10000 -Daftersales.faults.minutes=180
 * -Daftersales.faults.gap-seconds=300}
 */
class FaultHarnessIT {
    private static final int TICKETS = Integer.getInteger("aftersales.faults.tickets", 100);
    private static final int WORKERS = Integer.getInteger("aftersales.faults.workers", 4);
    private static final Duration BOUND = Duration.ofMinutes(Integer.getInteger("aftersales.faults.minutes", 8));
    /** Seconds between two faults (the first comes one gap after the work starts). */
    private static final int GAP = Integer.getInteger("aftersales.faults.gap-seconds", 12);
    private static final int DUPLICATE_PERCENT = Integer.getInteger("aftersales.faults.duplicate-percent", 10);
    private static final String RELAY = System.getProperty("aftersales.faults.relay", "intake");
    private static final String SERVICE = System.getProperty("aftersales.faults.service", "dispatch");
    private static final Duration DOWN = Duration.ofSeconds(5);
    private static final Set<String> TERMINAL = Set.of("CLOSED", "CANCELLED", "RESOLVED_REMOTELY",
            "DECLINED_PAID_SERVICE", "REJECTED");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final List<String> injected = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger actorErrors = new AtomicInteger();
    private long started;

    @Test
    @DisplayName("issue 18 EVT-04 INT-13 DSP-01 QLT-01 REV-01 PRT-02: tickets survive a broker restart, a killed relay, "
            + "a service restart and duplicate deliveries: none lost or stuck, every effect exactly once")
    void ticketsSurviveTheFaults() throws Exception {
        long boot = System.nanoTime();
        try (FaultPlatform platform = FaultPlatform.start()) {
            System.out.printf("FAULTS: platform up in %d s%n", (System.nanoTime() - boot) / 1_000_000_000);
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS + 1);
            started = System.nanoTime();
            List<List<Plan>> shares = plans(new Random(18));
            List<Future<List<Planned>>> registering = new ArrayList<>();
            for (List<Plan> share : shares) {
                registering.add(workers.submit(() -> new LifecycleActors(platform.client(), ZONE).registerAll(share)));
            }
            List<List<Planned>> registered = new ArrayList<>();
            for (Future<List<Planned>> share : registering) {
                registered.add(share.get());
            }
            note("registered %d tickets", TICKETS);

            long deadline = System.nanoTime() + BOUND.toNanos();
            List<Future<?>> working = new ArrayList<>();
            for (List<Planned> share : registered) {
                working.add(workers.submit(() -> work(platform, share, deadline)));
            }
            EventDuplicator duplicator = new EventDuplicator(platform.bootstrapServers(), DUPLICATE_PERCENT);
            Future<?> faults = workers.submit(() -> injectFaults(platform, duplicator));
            for (Future<?> share : working) {
                share.get();
            }
            faults.get();
            workers.shutdown();
            long workSeconds = (System.nanoTime() - started) / 1_000_000_000;
            note("actors done: %d s (%d actor calls failed during faults and were retried)", workSeconds, actorErrors.get());
            note("duplicate delivery (final pass): %d events", duplicator.pass());

            FaultChecker checker = new FaultChecker(platform);
            long lag = checker.drain(Duration.ofMinutes(3));
            FaultChecker.Topics topics = checker.readTopics();
            List<Planned> tickets = registered.stream().flatMap(List::stream).toList();
            List<UUID> ids = tickets.stream().map(Planned::id).toList();
            List<FaultChecker.Invariant> invariants = new ArrayList<>(checker.check(ids, TERMINAL, lag, topics));
            invariants.add(new FaultChecker.Invariant("tickets that ended off their planned path", tickets.size(),
                    tickets.stream().filter(t -> TERMINAL.contains(t.finalState())
                            && !t.path().expectedEnd().contains(t.finalState())).count(),
                    tickets.stream().noneMatch(t -> TERMINAL.contains(t.finalState())
                            && !t.path().expectedEnd().contains(t.finalState()))));
            Set<String> doubled = duplicator.duplicatedIds();
            System.out.println(report(tickets, workSeconds, topics, doubled.size(), checker.inboxRowsOf(doubled),
                    invariants));

            assertThat(injected).as("every fault was injected").anyMatch(f -> f.contains("broker restarted"))
                    .anyMatch(f -> f.contains("relay")).anyMatch(f -> f.contains("service " + SERVICE));
            assertThat(doubled).as("events delivered twice").isNotEmpty();
            assertThat(invariants.stream().filter(i -> !i.pass()).map(i -> i.name() + ": " + i.count()).toList())
                    .as("invariants that failed").isEmpty();
        }
    }

    /** One actor per share of the tickets; a call that fails while a part is down is retried on the next round. */
    private void work(FaultPlatform platform, List<Planned> share, long deadline) {
        LifecycleActors actors = new LifecycleActors(platform.client(), ZONE);
        while (System.nanoTime() < deadline && share.stream().anyMatch(t -> !TERMINAL.contains(t.finalState()))) {
            try {
                actors.workUntilAllTerminal(share, TERMINAL, Duration.ofNanos(deadline - System.nanoTime()));
            } catch (RuntimeException duringAFault) {
                actorErrors.incrementAndGet();
                actors = new LifecycleActors(platform.client(), ZONE);
                sleep(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One fault every {@link #GAP} seconds while the actors work, a share of the events doubled after each. */
    private void injectFaults(FaultPlatform platform, EventDuplicator duplicator) {
        try {
            pause();
            note("duplicate delivery: %d events", duplicator.pass());
            long at = System.nanoTime();
            platform.restartBroker(DOWN);
            note("broker restarted (down %d s, restart took %d ms)", DOWN.toSeconds(), millisSince(at) - DOWN.toMillis());
            pause();
            note("duplicate delivery: %d events", duplicator.pass());
            at = System.nanoTime();
            platform.crashAndRestartRelay(RELAY, DOWN);
            note("relay of %s killed and restarted (down %d s, back in %d ms)", RELAY, DOWN.toSeconds(),
                    millisSince(at) - DOWN.toMillis());
            pause();
            note("duplicate delivery: %d events", duplicator.pass());
            at = System.nanoTime();
            platform.restartService(SERVICE);
            note("service %s restarted in %d ms", SERVICE, millisSince(at));
            pause();
            note("duplicate delivery: %d events", duplicator.pass());
        } catch (Exception e) {
            throw new IllegalStateException("a fault could not be injected", e);
        }
    }

    private static void pause() {
        sleep(Duration.ofSeconds(GAP));
    }

    private void note(String format, Object... args) {
        String line = String.format("+%4d s  ", (System.nanoTime() - started) / 1_000_000_000) + String.format(format, args);
        injected.add(line);
        System.out.println("FAULTS: " + line);
    }

    private static long millisSince(long at) {
        return (System.nanoTime() - at) / 1_000_000;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String report(List<Planned> tickets, long seconds, FaultChecker.Topics topics, int doubled, long inboxRows,
                          List<FaultChecker.Invariant> invariants) {
        StringBuilder out = new StringBuilder("\nFault harness: ").append(tickets.size()).append(" tickets, ")
                .append(WORKERS).append(" actors, ").append(seconds).append(" s; load average ")
                .append(String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage())).append("\n\n| injected |\n|---|\n");
        injected.forEach(line -> out.append("| ").append(line.strip()).append(" |\n"));
        out.append(String.format("%n| topics | count |%n|---|---|%n| records on the event topics | %d |%n"
                        + "| distinct events (CloudEvent ids) | %d |%n| events delivered twice by the harness | %d |%n"
                        + "| their rows in the consumers' inboxes (each consumer once) | %d |%n",
                topics.records(), topics.distinct(), doubled, inboxRows));
        out.append("\n| invariant | checked | count | result |\n|---|---|---|---|\n");
        invariants.forEach(i -> out.append("| ").append(i.name()).append(" | ").append(i.checked()).append(" | ")
                .append(i.count()).append(" | ")
                .append(i.pass() ? "PASS" : "FAIL").append(" |\n"));
        return out.toString();
    }

    /** The lifecycle's every path in turn, over channels, regions and product lines; one share per actor. */
    private static List<List<Plan>> plans(Random random) {
        List<List<Plan>> shares = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            shares.add(new ArrayList<>());
        }
        LifecycleActors.Path[] paths = LifecycleActors.Path.values();
        String[] channels = {"PHONE", "WEB", "EMAIL", "WALK_IN", "INTERNAL_REFERRAL"};
        for (int i = 0; i < TICKETS; i++) {
            LifecycleActors.Path path = paths[i % paths.length];
            shares.get(i % WORKERS).add(new Plan(path, channels[random.nextInt(channels.length)],
                    random.nextBoolean() ? "NORTH" : "SOUTH", random.nextInt(3) == 0 ? "LAUNDRY" : "AIR_CONDITIONER",
                    path.shipDaysAgo(random), i));
        }
        return shares;
    }
}
