package com.opensvc.aftersales.gateway.edge;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed window per client: {@code requests} per {@code period}, counted from the injected clock. Windows of past
 * periods are dropped when many clients are tracked, so the map stays bounded by the clients of one period.
 */
final class ClientRateLimits {
    private static final int PRUNE_ABOVE = 10_000;

    private record Window(long start, AtomicInteger count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int requests;
    private final long periodMillis;

    ClientRateLimits(Clock clock, EdgeLimitProperties.RateLimit limit) {
        this.clock = clock;
        this.requests = limit.requests();
        this.periodMillis = Math.max(1, limit.period().toMillis());
    }

    /** 0 when {@code client} may go on, else the whole seconds until its next window. */
    long acquire(String client) {
        long now = clock.millis();
        long start = now - Math.floorMod(now, periodMillis);
        Window window = windows.compute(client, (key, old) ->
                old != null && old.start() == start ? old : new Window(start, new AtomicInteger()));
        if (windows.size() > PRUNE_ABOVE) {
            windows.values().removeIf(w -> w.start() < start);
        }
        if (window.count().incrementAndGet() <= requests) {
            return 0;
        }
        return Math.max(1, (start + periodMillis - now + 999) / 1000);
    }
}
