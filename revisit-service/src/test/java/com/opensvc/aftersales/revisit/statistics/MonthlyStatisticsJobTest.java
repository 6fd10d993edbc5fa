package com.opensvc.aftersales.revisit.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** REV-07: when the monthly job keeps which month (company zone), and that it leaves a kept month alone. */
class MonthlyStatisticsJobTest {
    private static final CompanyZone SHANGHAI = new CompanyZone(ZoneId.of("Asia/Shanghai"));

    private static MonthlyStatisticsJob job(RevisitStatistics statistics, int dayOfMonth) {
        return new MonthlyStatisticsJob(statistics, new StatisticsProperties(true, Duration.ofMinutes(15), dayOfMonth),
                SHANGHAI, Clock.systemUTC());
    }

    @Test
    @DisplayName("REV-07 on the 1st in Shanghai (still the 30th in UTC) the job keeps the month before")
    void REV07_keepsThePreviousMonthInTheCompanyZone() {
        RevisitStatistics statistics = mock(RevisitStatistics.class);
        when(statistics.produce(any(), anyString(), any())).thenReturn(new RevisitStatistics.Produced(null, false));
        Instant firstOfDecember = Instant.parse("2026-11-30T16:30:00Z");
        job(statistics, 1).keepDue(firstOfDecember);
        verify(statistics).produce(YearMonth.of(2026, 11), MonthlyStatisticsJob.ACTOR, firstOfDecember);
    }

    @Test
    @DisplayName("REV-07 before the configured day nothing is due; a month kept already is not produced again")
    void REV07_notBeforeTheDayNorTwice() {
        RevisitStatistics statistics = mock(RevisitStatistics.class);
        assertThat(job(statistics, 3).keepDue(Instant.parse("2026-12-01T16:30:00Z"))).isEmpty(); // 2 Dec, Shanghai
        when(statistics.kept(YearMonth.of(2026, 11))).thenReturn(true);
        assertThat(job(statistics, 3).keepDue(Instant.parse("2026-12-02T16:30:00Z"))).isEmpty(); // 3 Dec
        verify(statistics, never()).produce(any(), anyString(), any());
    }
}
