package com.opensvc.aftersales.dispatch.appointment;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * DSP-04 appointment windows (DOMAIN.md is silent on the numbers; docs/decisions.md).
 *
 * @param maxWindow       the longest window a technician may promise (default 8h: one working day)
 * @param bookingHorizon  how far ahead a window, or a late technician's expected arrival, may lie (default 90 days)
 */
@Validated
@ConfigurationProperties("aftersales.dispatch.appointments")
public record AppointmentProperties(
        @DefaultValue("8h") @NotNull @DurationMin(minutes = 15) @DurationMax(days = 7) Duration maxWindow,
        @DefaultValue("90d") @NotNull @DurationMin(hours = 1) @DurationMax(days = 730) Duration bookingHorizon) {
}
