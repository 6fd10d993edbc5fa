package com.opensvc.aftersales.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.HdrHistogram.Histogram;

/**
 * When the platform's consumers took the events: the inbox rows ({@code processed_event}: event id, consumer,
 * {@code processed_at}, the consumer's clock when its transaction recorded the event, just before the handler's
 * effect and the commit) of every service database, against the event's {@code ce_time}.
 */
final class ConsumerCommits {
    static final List<String> SERVICES = List.of("intake", "dispatch", "parts", "quality", "revisit");

    /** One (event, consumer) pair's hop in milliseconds. */
    record Hop(UUID event, String type, String consumer, double millis) {
    }

    private ConsumerCommits() {
    }

    /** Every consumer's hop of the given events (an event no consumer reads has no hop). */
    static List<Hop> hops(PlatformProcess platform, Collection<PublishedEvents.Seen> events) throws Exception {
        Map<UUID, PublishedEvents.Seen> byId = new java.util.HashMap<>();
        events.forEach(e -> byId.put(e.id(), e));
        List<Hop> hops = new ArrayList<>();
        for (String service : SERVICES) {
            try (Connection c = platform.database(service);
                 PreparedStatement st = c.prepareStatement(
                         "SELECT event_id, consumer, processed_at FROM processed_event WHERE event_id = ANY(?)")) {
                Array ids = c.createArrayOf("uuid", byId.keySet().toArray());
                st.setArray(1, ids);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        PublishedEvents.Seen event = byId.get(rs.getObject(1, UUID.class));
                        OffsetDateTime at = rs.getObject(3, OffsetDateTime.class);
                        double millis = Duration.between(event.time(), at.toInstant()).toNanos() / 1e6;
                        hops.add(new Hop(event.id(), event.type(), service + "/" + rs.getString(2), millis));
                    }
                }
            }
        }
        return hops;
    }

    /** Waits until every one of the events has at least {@code perEvent} consumer rows or {@code within} passed. */
    static List<Hop> awaitHops(PlatformProcess platform, Collection<PublishedEvents.Seen> events, Duration within)
            throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        List<Hop> hops = hops(platform, events);
        int last = -1;
        while (System.nanoTime() < deadline && hops.size() != last) {
            last = hops.size();
            Thread.sleep(3_000);
            hops = hops(platform, events);
        }
        return hops;
    }

    static Histogram histogram(List<Hop> hops) {
        Histogram histogram = new Histogram(3);
        // a hop under 1 µs (or a negative one from the millisecond-truncated ce_time) counts as 1 µs
        hops.forEach(h -> histogram.recordValue(Math.max(1, (long) (h.millis() * 1000))));
        return histogram;
    }

    static double p(Histogram microseconds, double percentile) {
        return microseconds.getTotalCount() == 0 ? Double.NaN
                : microseconds.getValueAtPercentile(percentile) / 1000.0;
    }

    /** The hops' p50/p99 by consumer, for the diagnostics. */
    static Map<String, String> byConsumer(List<Hop> hops) {
        Map<String, List<Hop>> groups = new TreeMap<>();
        hops.forEach(h -> groups.computeIfAbsent(h.consumer(), k -> new ArrayList<>()).add(h));
        Map<String, String> summary = new TreeMap<>();
        groups.forEach((consumer, list) -> {
            Histogram h = histogram(list);
            summary.put(consumer, String.format(java.util.Locale.ROOT, "n %d p50 %.0f p99 %.0f", list.size(),
                    p(h, 50), p(h, 99)));
        });
        return summary;
    }
}
