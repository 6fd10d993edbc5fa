package com.opensvc.aftersales.web.probe;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.Paging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A minimal service on the platform's web auto-configuration: one controller whose request has nested records,
 * lists, a map, dates, whole numbers, an enum and query parameters of each kind — what the input rules guard.
 */
@SpringBootApplication
public class ProbeApplication {

    /** No issuer here: tests authenticate MockMvc requests directly. */
    @Bean
    JwtDecoder probeJwtDecoder() {
        return token -> {
            throw new BadJwtException("no issuer in the probe");
        };
    }

    public enum ServiceType { ON_SITE, CARRY_IN, REMOTE }

    public record Customer(@NotNull String name) {
    }

    public record Contact(String name, String phone) {
    }

    public record Line(UUID partId, int quantity) {
    }

    public record Order(@NotNull @Valid Customer customer, List<Contact> contacts, List<UUID> expectedParts,
                        List<Line> lines, List<String> tags, Map<String, String> labels, LocalDate dueOn,
                        Instant contactedAt, YearMonth period, ServiceType serviceType, String notes) {
    }

    @RestController
    @Validated
    @RequestMapping("/api/probe")
    static class ProbeController {

        @PostMapping("/orders")
        @PreAuthorize("hasRole('AGENT')")
        Order create(@RequestBody @Valid Order order) {
            return order;
        }

        @GetMapping("/orders")
        @PreAuthorize("hasRole('AGENT')")
        Map<String, Object> list(@RequestParam(required = false) String q,
                                 @RequestParam(required = false) LocalDate registeredTo,
                                 @RequestParam(required = false) Instant dueBefore,
                                 @RequestParam(required = false) ServiceType serviceType,
                                 Paging paging) {
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("q", q);
            echo.put("registeredTo", registeredTo);
            echo.put("dueBefore", dueBefore);
            echo.put("serviceType", serviceType);
            echo.put("page", paging.page());
            return echo;
        }

        @GetMapping("/orders/{reference}")
        @PreAuthorize("hasRole('AGENT')")
        Map<String, String> one(@PathVariable String reference) {
            return Map.of("reference", reference);
        }

        /** What a database error looks like: a value of the customer's in its message (SEC-04). */
        @GetMapping("/failure")
        @PreAuthorize("hasRole('AGENT')")
        Map<String, String> failure() {
            throw new IllegalStateException("could not save contact +49 170 5550123 of Erika Mustermann",
                    new SQLException("duplicate key value violates unique constraint \"contact_phone\": "
                            + "Key (phone)=(+49 170 5550123) already exists"));
        }

        /** What a saturated connection pool looks like (Hikari's connection timeout). */
        @GetMapping("/saturated")
        @PreAuthorize("hasRole('AGENT')")
        Map<String, String> saturated() {
            throw new IllegalStateException("Failed to obtain JDBC Connection", new java.sql.SQLTransientConnectionException(
                    "HikariPool-1 - Connection is not available, request timed out after 30000ms"));
        }

        @GetMapping("/timed-out")
        @PreAuthorize("hasRole('AGENT')")
        Map<String, String> timedOut() throws java.io.IOException {
            throw new java.io.IOException("upstream body", new java.util.concurrent.TimeoutException());
        }
    }
}
