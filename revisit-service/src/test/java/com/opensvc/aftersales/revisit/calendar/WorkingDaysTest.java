package com.opensvc.aftersales.revisit.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final WorkingDays OFFICE = new WorkingDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            List.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"), LocalDate.parse("2026-10-05"),
                    LocalDate.parse("2026-10-06"), LocalDate.parse("2026-10-07")));

    @Test
    @DisplayName("REV-03 5 working days from a Thursday remedy skip the weekend: the end of next Thursday (company zone)")
    void REV03_fiveWorkingDaysAcrossAWeekend() {
        // Thursday 5 March 2026, 18:12 in Shanghai
        Instant remedy = Instant.parse("2026-03-05T10:12:05Z");
        // Fri 6, Mon 9, Tue 10, Wed 11, Thu 12 → midnight at the end of Thursday 12 March in Shanghai
        assertThat(OFFICE.endOfWorkingDaysAfter(remedy, 5, SHANGHAI)).isEqualTo(Instant.parse("2026-03-12T16:00:00Z"));
    }

    @Test
    @DisplayName("REV-03 the company day decides: 20:00Z on a Friday is already Saturday in Shanghai")
    void REV03_theCompanyZoneDecidesTheDay() {
        // Saturday 7 March 02:00 in Shanghai: Mon 9 … Fri 13
        assertThat(OFFICE.endOfWorkingDaysAfter(Instant.parse("2026-03-06T18:00:00Z"), 5, SHANGHAI))
                .isEqualTo(Instant.parse("2026-03-13T16:00:00Z"));
    }

    @Test
    @DisplayName("REV-03 holidays are not working days: a remedy on 30 September counts from 8 October")
    void REV03_holidaysDoNotCount() {
        // Wed 30 Sep; Thu 1, Fri 2 holidays; Sat, Sun; Mon 5, Tue 6, Wed 7 holidays → Thu 8, Fri 9, Mon 12, Tue 13, Wed 14
        assertThat(OFFICE.endOfWorkingDaysAfter(Instant.parse("2026-09-30T03:00:00Z"), 5, SHANGHAI))
                .isEqualTo(Instant.parse("2026-10-14T16:00:00Z"));
        assertThat(OFFICE.isWorkingDay(LocalDate.parse("2026-10-05"))).isFalse();
        assertThat(OFFICE.isWorkingDay(LocalDate.parse("2026-10-08"))).isTrue();
    }
}
