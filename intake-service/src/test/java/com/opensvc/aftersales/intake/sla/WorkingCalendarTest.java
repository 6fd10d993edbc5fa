package com.opensvc.aftersales.intake.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SLA-05 business-time arithmetic at the edges")
class WorkingCalendarTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Mon-Fri 08:30-12:00 and 13:30-17:30; 1 Oct 2026 (a Thursday) is a holiday. */
    private static final WorkingCalendar OFFICE = office(SHANGHAI, Set.of(LocalDate.of(2026, 10, 1)));

    private static WorkingCalendar office(ZoneId zone, Set<LocalDate> holidays) {
        Map<DayOfWeek, List<WorkingCalendar.Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, List.of(WorkingCalendar.Period.parse("13:30-17:30"), WorkingCalendar.Period.parse("08:30-12:00")));
        }
        return new WorkingCalendar("office", zone, week, holidays);
    }

    private static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    private static Instant sh(String localDateTime) {
        return at(localDateTime, SHANGHAI);
    }

    @Test
    @DisplayName("SLA-02 a deadline that ends exactly at closing time is at closing time, not the next morning")
    void SLA02_exactlyAtClosing() {
        assertThat(OFFICE.plus(sh("2026-11-25T17:00"), Duration.ofMinutes(30))).isEqualTo(sh("2026-11-25T17:30"));
        assertThat(OFFICE.plus(sh("2026-11-25T17:00"), Duration.ofMinutes(31))).isEqualTo(sh("2026-11-26T08:31"));
        assertThat(OFFICE.plus(sh("2026-11-25T11:45"), Duration.ofMinutes(30))).as("over lunch").isEqualTo(sh("2026-11-25T13:45"));
        assertThat(OFFICE.plus(sh("2026-11-25T12:30"), Duration.ofMinutes(30))).as("starting at lunch").isEqualTo(sh("2026-11-25T14:00"));
    }

    @Test
    @DisplayName("SLA-05 a weekend and a holiday are skipped")
    void SLA05_weekendAndHoliday() {
        assertThat(OFFICE.plus(sh("2026-11-27T17:00"), Duration.ofHours(1))).as("Friday -> Monday")
                .isEqualTo(sh("2026-11-30T09:00"));
        assertThat(OFFICE.plus(sh("2026-11-28T10:00"), Duration.ofMinutes(30))).as("registered on a Saturday")
                .isEqualTo(sh("2026-11-30T09:00"));
        assertThat(OFFICE.plus(sh("2026-09-30T17:00"), Duration.ofHours(1))).as("Wed -> holiday Thu -> Fri")
                .isEqualTo(sh("2026-10-02T09:00"));
        assertThat(OFFICE.isWorking(sh("2026-10-01T10:00"))).isFalse();
        assertThat(OFFICE.between(sh("2026-11-27T17:00"), sh("2026-11-30T09:00"))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    @DisplayName("SLA-05 a working day that crosses midnight belongs to the day it starts on")
    void SLA05_dayCrossingMidnight() {
        Map<DayOfWeek, List<WorkingCalendar.Period>> nights = new EnumMap<>(DayOfWeek.class);
        nights.put(DayOfWeek.FRIDAY, List.of(WorkingCalendar.Period.parse("22:00-06:00")));
        WorkingCalendar nightShift = new WorkingCalendar("night", SHANGHAI, nights, Set.of());
        assertThat(nightShift.plus(sh("2026-11-27T23:00"), Duration.ofHours(4))).isEqualTo(sh("2026-11-28T03:00"));
        assertThat(nightShift.plus(sh("2026-11-28T05:00"), Duration.ofHours(2))).as("Saturday 05:00 is still Friday's shift")
                .isEqualTo(sh("2026-12-04T23:00"));
        assertThat(nightShift.isWorking(sh("2026-11-28T05:59"))).isTrue();
        WorkingCalendar fridayOff = new WorkingCalendar("night", SHANGHAI, nights, Set.of(LocalDate.of(2026, 11, 27)));
        assertThat(fridayOff.isWorking(sh("2026-11-28T01:00"))).as("the holiday removes the shift it starts").isFalse();
    }

    @Test
    @DisplayName("SLA-05 DST: business time is real time — 24 h across the spring switch ends an hour later on the wall clock")
    void SLA05_daylightSavingTime() {
        WorkingCalendar always = WorkingCalendar.aroundTheClock("always", NEW_YORK);
        assertThat(always.plus(at("2026-03-07T12:00", NEW_YORK), Duration.ofHours(24)))
                .isEqualTo(at("2026-03-08T13:00", NEW_YORK));
        assertThat(always.plus(at("2026-10-31T12:00", NEW_YORK), Duration.ofHours(24))).as("autumn: an hour earlier")
                .isEqualTo(at("2026-11-01T11:00", NEW_YORK));
        Map<DayOfWeek, List<WorkingCalendar.Period>> early = new EnumMap<>(DayOfWeek.class);
        early.put(DayOfWeek.SUNDAY, List.of(WorkingCalendar.Period.parse("01:00-05:00")));
        WorkingCalendar sundayEarly = new WorkingCalendar("early", NEW_YORK, early, Set.of());
        assertThat(sundayEarly.between(at("2026-03-08T00:00", NEW_YORK), at("2026-03-08T06:00", NEW_YORK)))
                .as("01:00-05:00 on the switch day is three real hours").isEqualTo(Duration.ofHours(3));
    }

    @Test
    @DisplayName("SLA-05 a pause across a weekend resumes with the remaining business time")
    void SLA05_pauseAcrossWeekend() {
        Instant started = sh("2026-11-27T16:00");
        Instant due = OFFICE.plus(started, Duration.ofHours(4));
        assertThat(due).isEqualTo(sh("2026-11-30T11:00"));
        Instant paused = sh("2026-11-27T17:00");
        Duration remaining = OFFICE.between(paused, due);
        assertThat(remaining).isEqualTo(Duration.ofHours(3));
        Instant resumed = sh("2026-12-02T15:00");
        assertThat(OFFICE.plus(resumed, remaining)).isEqualTo(sh("2026-12-03T09:00"));
    }

    @Test
    @DisplayName("SLA-05 a calendar without working time, or with overlapping periods, is refused at start-up")
    void SLA05_badCalendars() {
        assertThatThrownBy(() -> new WorkingCalendar("none", SHANGHAI, Map.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingCalendar("overlap", SHANGHAI, Map.of(DayOfWeek.MONDAY,
                List.of(WorkingCalendar.Period.parse("08:00-12:00"), WorkingCalendar.Period.parse("11:00-13:00"))), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> WorkingCalendar.Period.parse("8 to 5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("SLA-02 first response: 30 working minutes in working hours; 12 h for messages left outside them")
    void SLA02_firstResponse() {
        WorkingCalendar always = WorkingCalendar.aroundTheClock("always", SHANGHAI);
        Duration within = Duration.ofMinutes(30);
        Duration outside = Duration.ofHours(12);
        assertThat(SlaLifecycle.firstResponseDue(sh("2026-11-25T10:00"), OFFICE, always, within, outside))
                .isEqualTo(sh("2026-11-25T10:30"));
        assertThat(SlaLifecycle.firstResponseDue(sh("2026-11-25T17:20"), OFFICE, always, within, outside))
                .as("in hours, just before closing: the rest next morning").isEqualTo(sh("2026-11-26T08:50"));
        assertThat(SlaLifecycle.firstResponseDue(sh("2026-11-25T20:00"), OFFICE, always, within, outside))
                .as("a message left in the evening").isEqualTo(sh("2026-11-26T08:00"));
        assertThat(SlaLifecycle.firstResponseDue(sh("2026-11-28T10:00"), OFFICE, always, within, outside))
                .as("Saturday").isEqualTo(sh("2026-11-28T22:00"));
    }
}
