package com.opensvc.aftersales.revisit.agenda;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * RPT-03: the agents' agenda.
 *
 * @param reminderDays how many days ahead {@code GET /api/revisit/reminders} looks when {@code days} is not given
 *                     (0..31; 0 = due today or overdue)
 * @param zone         the company's time zone: "within N days" counts whole calendar days there, and the served
 *                     period of the never-revisited customers is taken there
 */
@Validated
@ConfigurationProperties("aftersales.revisit.agenda")
public record AgendaProperties(@DefaultValue("3") @Min(0) @Max(AgendaProperties.MAX_DAYS) int reminderDays,
                               @DefaultValue("Asia/Shanghai") @NotNull ZoneId zone) {
    /** The furthest a reminder list looks ahead. */
    public static final int MAX_DAYS = 31;
}
