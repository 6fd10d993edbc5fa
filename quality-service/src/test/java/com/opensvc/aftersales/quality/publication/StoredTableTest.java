package com.opensvc.aftersales.quality.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.web.TabularReport;

import tools.jackson.databind.json.JsonMapper;

class StoredTableTest {

    @Test
    @DisplayName("QLT-03 a kept report's table comes back from its JSON with the same typed cells")
    void QLT03_keptTableRoundTrips() {
        TabularReport report = TabularReport.builder("WEEKLY").text("failure mode").wholeNumber("count")
                .decimal("rate").date("day").instant("at")
                .row("no cooling", 3L, new BigDecimal("0.125"), LocalDate.of(2026, 11, 30),
                        Instant.parse("2026-11-30T01:00:00Z"))
                .row(null, null, null, null, null)
                .build();
        JsonMapper json = JsonMapper.builder().build();
        StoredTable stored = StoredTable.of(report);
        StoredTable read = new StoredTable(stored.columns(),
                json.readValue(json.writeValueAsString(stored.rows()), new tools.jackson.core.type.TypeReference<>() {
                }));

        TabularReport back = read.toReport("WEEKLY", ZoneId.of("Asia/Shanghai"));

        assertThat(back.header()).isEqualTo(report.header());
        assertThat(back.row(0)).containsExactly("no cooling", 3L, new BigDecimal("0.125"), LocalDate.of(2026, 11, 30),
                Instant.parse("2026-11-30T01:00:00Z"));
        assertThat(back.row(1)).containsOnlyNulls();
    }

    @Test
    @DisplayName("QLT-03 the weekly report covers Monday to Sunday of the week before; the monthly one the month before")
    void QLT03_periods() {
        assertThat(ReportPeriod.weekBefore(LocalDate.of(2026, 12, 2)))
                .isEqualTo(new ReportPeriod(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29)));
        assertThat(ReportPeriod.weekBefore(LocalDate.of(2026, 11, 30)))
                .isEqualTo(new ReportPeriod(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29)));
        assertThat(ReportPeriod.monthBefore(LocalDate.of(2026, 1, 3)))
                .isEqualTo(new ReportPeriod(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31)));
    }
}
