package com.opensvc.aftersales.gateway.edge;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** The gateway's limits at the edge, each bound from its own {@code aftersales.gateway.*} prefix. */
public final class EdgeLimitProperties {
    private EdgeLimitProperties() {
    }

    /**
     * Per-client rate limit ({@code aftersales.gateway.rate-limit.*}) on {@code /api/**}: a client (the token's
     * {@code sub}, else its {@code client_id}, else the remote address) may send {@code requests} per {@code period};
     * above that the answer is 429 with {@code Retry-After}.
     */
    @ConfigurationProperties("aftersales.gateway.rate-limit")
    public record RateLimit(@DefaultValue("true") boolean enabled,
                            @DefaultValue("30000") int requests,
                            @DefaultValue("1m") Duration period) {
    }

    /**
     * Request body limits ({@code aftersales.gateway.request-size.*}): {@code max} for every route unless
     * {@code routes} names it (uploads); above the limit the answer is 413.
     */
    @ConfigurationProperties("aftersales.gateway.request-size")
    public record RequestSize(@DefaultValue("1MB") DataSize max,
                              @DefaultValue Map<String, DataSize> routes) {
        public DataSize maxOf(String route) {
            return route == null ? max : routes.getOrDefault(route, max);
        }
    }

    /**
     * Cross-origin access for the front-desk UI ({@code aftersales.gateway.cors.*}); no origin by default, so no
     * cross-origin call is allowed.
     */
    @ConfigurationProperties("aftersales.gateway.cors")
    public record Cors(@DefaultValue List<String> allowedOrigins,
                       @DefaultValue("30m") Duration maxAge) {
    }

    /** Response security headers ({@code aftersales.gateway.headers.*}). */
    @ConfigurationProperties("aftersales.gateway.headers")
    public record Headers(@DefaultValue("365d") Duration hstsMaxAge) {
    }

    static String routeOf(String path) {
        if (path == null || !path.startsWith("/api/")) {
            return null;
        }
        int end = path.indexOf('/', 5);
        return end < 0 ? path.substring(5) : path.substring(5, end);
    }
}
