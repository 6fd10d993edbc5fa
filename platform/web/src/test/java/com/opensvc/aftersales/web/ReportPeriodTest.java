package com.opensvc.aftersales.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.web.ReportPeriod.Granularity;
import com.opensvc.aftersales.web.InvalidFieldException;

class ReportPeriodTest {
    @Test
    @DisplayName("DSP-10 RPT-01 a period is a year, a quarter, a month or a day: its first day and the day after it")
    void DSP10_periods() {
        assertThat(ReportPeriod.parse("period", "2026")).isEqualTo(new ReportPeriod("2026", Granularity.YEAR,
                LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)));
        assertThat(ReportPeriod.parse("period", "2026-Q4")).isEqualTo(new ReportPeriod("2026-Q4", Granularity.QUARTER,
                LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 1)));
        assertThat(ReportPeriod.parse("period", "2026-11")).isEqualTo(new ReportPeriod("2026-11", Granularity.MONTH,
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1)));
        assertThat(ReportPeriod.parse("period", "2026-11-30")).isEqualTo(new ReportPeriod("2026-11-30", Granularity.DAY,
                LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 1)));
        assertThat(ReportPeriod.of(Granularity.QUARTER, LocalDate.of(2026, 4, 1)).label()).isEqualTo("2026-Q2");
    }

    @Test
    @DisplayName("DSP-10 a period that is none of those → 400 naming the field")
    void DSP10_badPeriods() {
        for (String bad : new String[] {"", "26", "2026-Q5", "2026-13", "2026-02-30", "0000", "2026-11-30T00:00", "Q4"}) {
            assertThatThrownBy(() -> ReportPeriod.parse("period", bad)).as(bad)
                    .isInstanceOf(InvalidFieldException.class).hasMessageContaining("2026-Q4");
        }
    }
}
