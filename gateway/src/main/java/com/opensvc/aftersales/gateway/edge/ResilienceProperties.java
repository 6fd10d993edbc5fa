package com.opensvc.aftersales.gateway.edge;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway guards each route ({@code aftersales.gateway.resilience.*}): a Resilience4j circuit breaker and a
 * time limit per route, and bounded retries of safe requests (GET, HEAD) on connect failures and 503s.
 *
 * @param timeout             how long a route may take to answer (status and headers; a download's body streams
 *                            afterwards), unless {@code timeouts} names the route
 * @param timeouts            per route id, a longer or shorter time limit than {@code timeout}
 * @param safeAttempts        attempts of a GET or HEAD, the first included (1 = no retry); other methods never retry
 * @param retryWait           the pause before a retry
 * @param failureRatePercent  the failure rate (percent of the recorded calls) that opens a route's circuit
 * @param slidingWindowCalls  how many of the latest calls the failure rate is taken over
 * @param minimumCalls        calls a window needs before the rate counts
 * @param openFor             how long an open circuit answers the fallback at once before it lets trial calls through
 * @param halfOpenCalls       trial calls in the half-open state; all succeeding closes the circuit
 */
@ConfigurationProperties("aftersales.gateway.resilience")
public record ResilienceProperties(
        @DefaultValue("5s") Duration timeout,
        @DefaultValue Map<String, Duration> timeouts,
        @DefaultValue("3") int safeAttempts,
        @DefaultValue("100ms") Duration retryWait,
        @DefaultValue("50") int failureRatePercent,
        @DefaultValue("20") int slidingWindowCalls,
        @DefaultValue("5") int minimumCalls,
        @DefaultValue("10s") Duration openFor,
        @DefaultValue("2") int halfOpenCalls) {

    public Duration timeoutOf(String route) {
        return timeouts.getOrDefault(route, timeout);
    }
}
