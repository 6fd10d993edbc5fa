package com.opensvc.aftersales.gateway.edge;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.context.ContextSnapshotFactory;

/**
 * Calls a route's service under its Resilience4j guards: circuit breaker → time limit → retries (GET and HEAD only,
 * on connect failures and 503) → the proxied call. When the service cannot answer, the client gets a 503 problem
 * report naming the service, at the latest when the route's time limit runs out — never a hang.
 */
public class RouteGuards implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(RouteGuards.class);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final Set<Integer> UNAVAILABLE = Set.of(502, 503, 504);

    private final ResilienceProperties properties;
    private final CircuitBreakerRegistry breakers;
    private final TimeLimiterRegistry timeLimiters;
    private final RetryRegistry retries;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    /** The request's observation (its trace) and logging context go with the call onto the virtual thread. */
    private final ContextSnapshotFactory contexts = ContextSnapshotFactory.builder().build();

    public RouteGuards(ResilienceProperties properties) {
        this.properties = properties;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRatePercent())
                .slidingWindowSize(properties.slidingWindowCalls())
                .minimumNumberOfCalls(properties.minimumCalls())
                .waitDurationInOpenState(properties.openFor())
                .permittedNumberOfCallsInHalfOpenState(properties.halfOpenCalls())
                .recordResult(RouteGuards::unavailable)
                .build());
        this.timeLimiters = TimeLimiterRegistry.of(TimeLimiterConfig.custom()
                .timeoutDuration(properties.timeout()).cancelRunningFuture(true).build());
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(Math.max(1, properties.safeAttempts()))
                .waitDuration(properties.retryWait())
                .retryOnResult(RouteGuards::unavailable)
                .retryOnException(RouteGuards::connectFailure)
                .failAfterMaxAttempts(false)
                .build());
    }

    public CircuitBreakerRegistry circuitBreakers() {
        return breakers;
    }

    public TimeLimiterRegistry timeLimiters() {
        return timeLimiters;
    }

    public RetryRegistry retries() {
        return retries;
    }

    /** The route's answer, or the fallback: 503 naming {@code route}. */
    public ServerResponse call(String route, ServerRequest request, HandlerFunction<ServerResponse> next)
            throws Exception {
        CircuitBreaker breaker = breakers.circuitBreaker(route);
        TimeLimiter timeLimiter = timeLimiters.timeLimiter(route, TimeLimiterConfig.custom()
                .timeoutDuration(properties.timeoutOf(route)).cancelRunningFuture(true).build());
        Callable<ServerResponse> call = () -> next.handle(request);
        if (SAFE.contains(request.method())) {
            call = Retry.decorateCallable(retries.retry(route), call);
        }
        Callable<ServerResponse> attempts = contexts.captureAll().wrap(call);
        try {
            return breaker.executeCallable(() -> timeLimiter.executeFutureSupplier(() -> calls.submit(attempts)));
        } catch (CallNotPermittedException e) {
            long seconds = Math.max(1, properties.openFor().toSeconds());
            return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", Long.toString(seconds))
                    .contentType(EdgeProblems.PROBLEM).body(EdgeProblems.body(HttpStatus.SERVICE_UNAVAILABLE, route
                            + " is unavailable: after repeated failures the gateway sends it no requests for a while;"
                            + " try again later", request.path(), Map.of("service", route)));
        } catch (TimeoutException e) {
            return fallback(request, route, route + " did not answer within " + properties.timeoutOf(route).toMillis()
                    + " ms");
        } catch (Exception e) {
            if (causedBy(e, IOException.class) || causedBy(e, org.springframework.web.client.ResourceAccessException.class)) {
                log.warn("route {} failed: {}", route, e.getClass().getName());
                return fallback(request, route, route + " could not be reached");
            }
            throw e;
        }
    }

    private static ServerResponse fallback(ServerRequest request, String route, String detail) {
        return EdgeProblems.response(HttpStatus.SERVICE_UNAVAILABLE, detail, request.path(), Map.of("service", route));
    }

    static boolean unavailable(Object result) {
        return result instanceof ServerResponse response && UNAVAILABLE.contains(response.statusCode().value());
    }

    static boolean connectFailure(Throwable e) {
        return causedBy(e, ConnectException.class) || causedBy(e, HttpConnectTimeoutException.class)
                || causedBy(e, NoRouteToHostException.class) || causedBy(e, UnknownHostException.class);
    }

    static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }
}
