package com.opensvc.aftersales.gateway.edge;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.gateway.server.mvc.filter.FilterSupplier;
import org.springframework.cloud.gateway.server.mvc.filter.SimpleFilterSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The gateway's front door: route guards ({@code Guard=<service>} in {@code gateway.yml}), and, as servlet filters in
 * this order, security headers → CORS → request size → (Spring Security) → per-client rate limit.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ResilienceProperties.class, EdgeLimitProperties.RateLimit.class,
        EdgeLimitProperties.RequestSize.class, EdgeLimitProperties.Cors.class, EdgeLimitProperties.Headers.class})
public class EdgeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RouteGuards routeGuards(ResilienceProperties properties) {
        return new RouteGuards(properties);
    }

    /** Lets {@code gateway.yml} name the {@code Guard} filter. */
    @Bean
    FilterSupplier guardFilters() {
        return new SimpleFilterSupplier(GuardFilters.class);
    }

    /** resilience4j_circuitbreaker_state{name=<route>}, resilience4j_timelimiter_calls, resilience4j_retry_calls. */
    @Bean
    MeterBinder routeGuardMetrics(RouteGuards guards) {
        return (MeterRegistry registry) -> {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(guards.circuitBreakers()).bindTo(registry);
            TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(guards.timeLimiters()).bindTo(registry);
            TaggedRetryMetrics.ofRetryRegistry(guards.retries()).bindTo(registry);
        };
    }

    @Bean
    FilterRegistrationBean<EdgeFilters.SecurityHeaders> securityHeaders(EdgeLimitProperties.Headers headers) {
        return registration(new EdgeFilters.SecurityHeaders(headers), Ordered.HIGHEST_PRECEDENCE + 10);
    }

    @Bean
    FilterRegistrationBean<CorsFilter> cors(EdgeLimitProperties.Cors cors) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(List.copyOf(cors.allowedOrigins()));
        configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "If-Match",
                "If-None-Match", "Idempotency-Key", "traceparent"));
        configuration.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "Content-Disposition"));
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(cors.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new EdgeFilters.ProblemCorsProcessor());
        return registration(filter, Ordered.HIGHEST_PRECEDENCE + 20);
    }

    @Bean
    FilterRegistrationBean<EdgeFilters.RequestSizeLimit> requestSizeLimit(EdgeLimitProperties.RequestSize limits) {
        return registration(new EdgeFilters.RequestSizeLimit(limits), Ordered.HIGHEST_PRECEDENCE + 30);
    }

    @Bean
    FilterRegistrationBean<EdgeFilters.RateLimit> rateLimit(EdgeLimitProperties.RateLimit limit, Clock clock) {
        FilterRegistrationBean<EdgeFilters.RateLimit> registration = registration(
                new EdgeFilters.RateLimit(new ClientRateLimits(clock, limit)),
                SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        registration.setEnabled(limit.enabled());
        return registration;
    }

    private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> registration(F filter, int order) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(order);
        return registration;
    }
}
