package com.opensvc.aftersales.quality.report;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * QLT-03, RPT-01: when quality's own reports are due and how long a defect report's period may be.
 *
 * @param jobEnabled           false leaves the report job unscheduled (tests drive it with the instant they need)
 * @param jobInterval          how often every replica looks for a due report (a kept one is never made twice)
 * @param weeklyDueDay         the weekly after-sales report of the week before (Monday–Sunday) is due on this day …
 * @param dueTime              … at this time of day, company zone (as are the monthly reports on their days)
 * @param answersDayOfMonth    the answers to each salesperson of the month before are due on this day ("early next
 *                             month")
 * @param statisticsDayOfMonth the monthly statistics for management of the month before are due on this day
 * @param maxRangeDays         the longest period of {@code /api/quality/reports/defects}, in whole days
 */
@ConfigurationProperties("aftersales.quality.reports")
public record ReportProperties(@DefaultValue("true") boolean jobEnabled,
                               @DefaultValue("15m") Duration jobInterval,
                               @DefaultValue("MONDAY") DayOfWeek weeklyDueDay,
                               @DefaultValue("08:00") String dueTime,
                               @DefaultValue("3") int answersDayOfMonth,
                               @DefaultValue("1") int statisticsDayOfMonth,
                               @DefaultValue("366") int maxRangeDays) {

    public ReportProperties {
        LocalTime.parse(dueTime);
        if (answersDayOfMonth < 1 || answersDayOfMonth > 28 || statisticsDayOfMonth < 1 || statisticsDayOfMonth > 28) {
            throw new IllegalArgumentException("a report's day of month is 1–28");
        }
    }

    public LocalTime dueAt() {
        return LocalTime.parse(dueTime);
    }
}
