package com.opensvc.aftersales.revisit.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * Revisit's working calendar in whole days (REV-03: "within 5 working days of the remedy"), the days of intake's
 * {@code office} SLA calendar (SLA-05): working weekdays and holidays, taken in the company zone the caller gives.
 *
 * @param workingDays the weekdays that are working days; Monday to Friday by default
 * @param holidays    dates that are not working days although their weekday is
 */
@Validated
@ConfigurationProperties("aftersales.revisit.calendar")
public record WorkingDays(
        @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) @NotEmpty Set<@NotNull DayOfWeek> workingDays,
        @DefaultValue List<@NotNull LocalDate> holidays) {

    public WorkingDays {
        workingDays = Set.copyOf(workingDays);
        holidays = List.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /**
     * The end (midnight in {@code zone}) of the {@code days}-th working day after the day of {@code from}: the day
     * {@code from} falls on does not count, whether it is a working day or not.
     */
    public Instant endOfWorkingDaysAfter(Instant from, int days, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(from, zone);
        int counted = 0;
        for (int searched = 0; counted < days; searched++) {
            if (searched > 3 * 366) {
                throw new IllegalStateException("no " + days + " working days within three years of " + day);
            }
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
