package com.opensvc.aftersales.dispatch.clock;

import java.time.Duration;
import java.time.Instant;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * SLA-04 visit clocks. The deadlines are wall-clock durations, not business hours: SLA-04 says "within 24 hours".
 *
 * @param arrivalWithin       dispatch (technician assigned) to arrival on site (SLA-04: 24 hours)
 * @param fixWithin           start of work on site to the fault removed (SLA-04: 24 hours)
 * @param evaluationInterval  how often each replica's job looks for overdue clocks
 * @param evaluationBatchSize clocks claimed per transaction by the job
 * @param evaluationEnabled   false switches the scheduled job off (tests call it with an explicit time)
 */
@Validated
@ConfigurationProperties("aftersales.dispatch.clocks")
public record VisitClockProperties(
        @DefaultValue("24h") @NotNull @DurationMin(minutes = 1) @DurationMax(days = 30) Duration arrivalWithin,
        @DefaultValue("24h") @NotNull @DurationMin(minutes = 1) @DurationMax(days = 30) Duration fixWithin,
        @DefaultValue("15s") @NotNull @DurationMin(millis = 100) Duration evaluationInterval,
        @DefaultValue("100") @Min(1) @Max(10_000) int evaluationBatchSize,
        @DefaultValue("true") boolean evaluationEnabled) {

    public Duration allowance(VisitClockKind kind) {
        return switch (kind) {
            case ARRIVAL -> arrivalWithin;
            case FIX -> fixWithin;
        };
    }

    public Instant dueAt(VisitClockKind kind, Instant startedAt) {
        return startedAt.plus(allowance(kind));
    }
}
