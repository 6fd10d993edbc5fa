package com.opensvc.aftersales.intake.sla;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.opensvc.aftersales.intake.IntakeProperties;

/** The configured working calendars by name, built and checked at start-up (a bad calendar stops the service). */
@Component
public class Calendars {
    private final Map<String, WorkingCalendar> byName = new HashMap<>();
    private final SlaProperties properties;

    public Calendars(SlaProperties properties, IntakeProperties intake) {
        this.properties = properties;
        byName.put(SlaProperties.AROUND_THE_CLOCK, WorkingCalendar.aroundTheClock(SlaProperties.AROUND_THE_CLOCK, intake.zone()));
        properties.calendars().forEach((name, config) -> {
            Map<DayOfWeek, List<WorkingCalendar.Period>> week = new EnumMap<>(DayOfWeek.class);
            config.week().forEach((day, periods) -> week.put(day, periods.stream().map(WorkingCalendar.Period::parse).toList()));
            byName.put(name, new WorkingCalendar(name, config.zone() == null ? intake.zone() : config.zone(), week,
                    new HashSet<>(config.holidays())));
        });
        require(properties.workingHoursCalendar(), "aftersales.intake.sla.working-hours-calendar");
        properties.clockCalendars().forEach((kind, name) -> require(name, "aftersales.intake.sla.clock-calendars." + kind));
    }

    private void require(String name, String property) {
        if (!byName.containsKey(name)) {
            throw new IllegalArgumentException(property + " names calendar '" + name + "', which is not configured "
                    + byName.keySet());
        }
    }

    public WorkingCalendar named(String name) {
        WorkingCalendar calendar = byName.get(name);
        if (calendar == null) {
            throw new IllegalStateException("no calendar " + name);
        }
        return calendar;
    }

    public WorkingCalendar workingHours() {
        return named(properties.workingHoursCalendar());
    }

    public WorkingCalendar forKind(ClockKind kind) {
        return named(properties.calendarFor(kind));
    }
}
