package com.opensvc.aftersales.quality.complaint;

import java.time.DayOfWeek;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * QLT-04's schedule (seed 001: the complaint forms are summarised for the general manager every Tuesday and on the
 * 2nd of each month; the analysis goes to the monthly management meeting).
 *
 * @param jobEnabled          false leaves the job unscheduled (tests drive it with the day they need)
 * @param jobInterval         how often every replica looks for a due report (it keeps each once)
 * @param summaryWeekday      the weekly summary's day: it covers the 7 days before it
 * @param summaryDayOfMonth   the monthly summary's day: it covers the previous calendar month
 * @param analysisDayOfMonth  the monthly complaint analysis's day (before the management meeting): previous month
 */
@Validated
@ConfigurationProperties("aftersales.quality.complaints")
public record ComplaintReportProperties(@DefaultValue("true") boolean jobEnabled,
                                        @DefaultValue("15m") Duration jobInterval,
                                        @DefaultValue("TUESDAY") DayOfWeek summaryWeekday,
                                        @DefaultValue("2") @Min(1) @Max(28) int summaryDayOfMonth,
                                        @DefaultValue("3") @Min(1) @Max(28) int analysisDayOfMonth) {
}
