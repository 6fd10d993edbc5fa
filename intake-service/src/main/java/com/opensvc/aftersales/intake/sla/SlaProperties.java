package com.opensvc.aftersales.intake.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * SLA configuration (SLA-05): working-hours calendars (several may be defined; {@code around-the-clock} always
 * exists), which calendar each clock counts in, the DOMAIN.md periods, reminders and the evaluation job.
 *
 * @param workingHoursCalendar the calendar that says what "in working hours" means (SLA-02)
 * @param remindBefore         a reminder goes to the step's handler this long before the deadline
 */
@Validated
@ConfigurationProperties("aftersales.intake.sla")
public record SlaProperties(
        @DefaultValue Map<String, CalendarConfig> calendars,
        @DefaultValue("office") @NotBlank String workingHoursCalendar,
        @DefaultValue Map<ClockKind, String> clockCalendars,
        @DefaultValue("1h") @NotNull Duration registrationWithin,
        @DefaultValue("30m") @NotNull Duration firstResponseWithin,
        @DefaultValue("12h") @NotNull Duration firstResponseOutsideHoursWithin,
        @DefaultValue("24h") @NotNull Duration opinionWithin,
        @DefaultValue("48h") @NotNull Duration opinionUnreachableWithin,
        @DefaultValue("4h") @NotNull Duration reviewWithin,
        @DefaultValue("4h") @NotNull Duration gmReportWithin,
        @DefaultValue("8h") @NotNull Duration executionWithin,
        @DefaultValue("15m") @NotNull Duration remindBefore,
        @DefaultValue("true") boolean jobEnabled,
        @DefaultValue("15s") @NotNull Duration evaluationInterval,
        @DefaultValue("500") @Min(1) @Max(10_000) int batchSize) {

    public static final String AROUND_THE_CLOCK = "around-the-clock";

    /** @param zone the calendar's zone; the company zone when not given */
    public record CalendarConfig(ZoneId zone, @DefaultValue Map<DayOfWeek, List<String>> week,
                                 @DefaultValue List<LocalDate> holidays) {
    }

    /** The calendar a clock counts in: configured per kind, else around the clock (the periods are elapsed hours). */
    public String calendarFor(ClockKind kind) {
        return clockCalendars.getOrDefault(kind, AROUND_THE_CLOCK);
    }
}
