package com.opensvc.aftersales.intake.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A working-hours calendar in the company's time zone (SLA-05): working periods per weekday and holidays. Business
 * time is real elapsed time inside working periods, so a DST switch inside a period counts as the hour it really is.
 * A period whose end is not after its start crosses midnight ({@code 22:00-06:00}); {@code 00:00-00:00} is the whole
 * day. A period belongs to the day it starts on: a holiday removes the periods that start on it.
 */
public final class WorkingCalendar {
    private static final int MAX_DAYS_SEARCHED = 3 * 366;

    private final String name;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<Period>> week;
    private final Set<LocalDate> holidays;

    public record Period(LocalTime start, LocalTime end) {
        public static Period parse(String text) {
            String[] parts = text.trim().split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a working period looks like 08:30-12:00, not '" + text + "'");
            }
            return new Period(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        }

        boolean crossesMidnight() {
            return !end.isAfter(start);
        }
    }

    public WorkingCalendar(String name, ZoneId zone, Map<DayOfWeek, List<Period>> week, Set<LocalDate> holidays) {
        this.name = name;
        this.zone = zone;
        this.week = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, periods) -> {
            List<Period> sorted = periods.stream().sorted(java.util.Comparator.comparing(Period::start)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i - 1).crossesMidnight() || sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                    throw new IllegalArgumentException("calendar " + name + ": the periods of " + day + " overlap");
                }
            }
            this.week.put(day, sorted);
        });
        this.holidays = Set.copyOf(holidays);
        if (this.week.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("calendar " + name + " has no working period on any day");
        }
    }

    /** Every day, all day: deadlines in plain elapsed time. */
    public static WorkingCalendar aroundTheClock(String name, ZoneId zone) {
        Map<DayOfWeek, List<Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new Period(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        }
        return new WorkingCalendar(name, zone, week, Set.of());
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The instant {@code amount} of working time after {@code from}; exactly at closing time if it ends there. */
    public Instant plus(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a deadline cannot be before its start");
        }
        Duration remaining = amount;
        LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1);
        for (int i = 0; i < MAX_DAYS_SEARCHED; i++, day = day.plusDays(1)) {
            for (Instant[] interval : intervals(day)) {
                Instant start = interval[0].isAfter(from) ? interval[0] : from;
                if (!interval[1].isAfter(start)) {
                    continue;
                }
                Duration available = Duration.between(start, interval[1]);
                if (remaining.compareTo(available) <= 0) {
                    return start.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalStateException("calendar " + name + " has no working time within " + MAX_DAYS_SEARCHED + " days");
    }

    /** The working time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            for (Instant[] interval : intervals(day)) {
                Instant start = interval[0].isAfter(from) ? interval[0] : from;
                Instant end = interval[1].isBefore(to) ? interval[1] : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** Whether {@code instant} falls in a working period. */
    public boolean isWorking(Instant instant) {
        LocalDate today = LocalDate.ofInstant(instant, zone);
        for (LocalDate day = today.minusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
            for (Instant[] interval : intervals(day)) {
                if (!instant.isBefore(interval[0]) && instant.isBefore(interval[1])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The working periods that start on {@code day}, as instants, in order. */
    private List<Instant[]> intervals(LocalDate day) {
        if (holidays.contains(day)) {
            return List.of();
        }
        List<Instant[]> result = new ArrayList<>();
        for (Period period : week.getOrDefault(day.getDayOfWeek(), List.of())) {
            Instant start = day.atTime(period.start()).atZone(zone).toInstant();
            Instant end = (period.crossesMidnight() ? day.plusDays(1) : day).atTime(period.end()).atZone(zone).toInstant();
            result.add(new Instant[]{start, end});
        }
        return result;
    }
}
