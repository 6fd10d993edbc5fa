package com.opensvc.aftersales.intake.complaint.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.web.InvalidFieldException;

class AccountabilityMonthTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    @DisplayName("INT-21 on the 4th the report covers the previous month: 4 January reports December of the year before")
    void INT21_reportedMonthIsThePreviousOne() {
        // 22:30 UTC on 3 January is already 06:30 on 4 January in the company's zone
        Clock clock = Clock.fixed(Instant.parse("2027-01-03T22:30:00Z"), SHANGHAI);
        assertThat(AccountabilityMonth.reportedOn(LocalDate.now(clock))).isEqualTo(YearMonth.of(2026, 12));
        assertThat(AccountabilityMonth.reportedOn(LocalDate.of(2026, 11, 4))).isEqualTo(YearMonth.of(2026, 10));
        assertThat(AccountabilityMonth.start(YearMonth.of(2026, 12), SHANGHAI).toInstant())
                .isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(AccountabilityMonth.end(YearMonth.of(2026, 12), SHANGHAI).toInstant())
                .isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
    }

    @Test
    @DisplayName("INT-21 a month is YYYY-MM; anything else names the field month")
    void INT21_monthFormat() {
        assertThat(AccountabilityMonth.parse("2026-10")).isEqualTo(YearMonth.of(2026, 10));
        for (String bad : List.of("2026-13", "2026-1", "10-2026", "", "2026-00")) {
            assertThatThrownBy(() -> AccountabilityMonth.parse(bad)).isInstanceOfSatisfying(InvalidFieldException.class,
                    e -> assertThat(e.errors().get(0).field()).isEqualTo("month"));
        }
    }

    @Test
    @DisplayName("INT-21 totals per person and per responsible department; every file row has the header's columns")
    void INT21_totals() {
        UUID ticket = UUID.randomUUID();
        var complaint = new AccountabilityReport.ComplaintLine(ticket, "T-1", UUID.randomUUID(), "DONE", false, "SALES",
                "li", "COMPENSATION", "gm", Instant.EPOCH, "mgr", Instant.EPOCH, Instant.EPOCH);
        var report = AccountabilityReport.of("2026-10", "Asia/Shanghai", Instant.EPOCH, Instant.EPOCH, null, null,
                List.of(complaint), List.of(
                        penalty(ticket, "li", "DEDUCTION", "100.00", true),
                        penalty(ticket, "li", "DEDUCTION", "50.25", false),
                        penalty(ticket, "li", "WARNING", null, true),
                        penalty(ticket, "=wang", "OTHER", "10", true)));
        assertThat(report.totalDeductions()).isEqualByComparingTo("150.25");
        var li = report.totalsByPerson().stream().filter(t -> t.person().equals("li")).findFirst().orElseThrow();
        assertThat(li.penalties()).isEqualTo(3);
        assertThat(li.deductions()).isEqualTo(2);
        assertThat(li.deductionAmount()).isEqualByComparingTo("150.25");
        assertThat(li.notAssessed()).isEqualTo(1);
        assertThat(report.totalsByDepartment()).singleElement().satisfies(d -> {
            assertThat(d.department()).isEqualTo("SALES");
            assertThat(d.complaints()).isEqualTo(1);
            assertThat(d.penalties()).isEqualTo(4);
            assertThat(d.deductionAmount()).isEqualByComparingTo("150.25");
            assertThat(d.otherAmount()).isEqualByComparingTo("10");
        });
        assertThat(AccountabilityReportFiles.rows(report)).allSatisfy(row ->
                assertThat(row).hasSize(AccountabilityReportFiles.HEADER.size()));
        assertThat(AccountabilityReportFiles.csvCell("=wang")).as("CSV injection defused").isEqualTo("'=wang");
        assertThat(AccountabilityReports.reportId(YearMonth.of(2026, 10)))
                .isEqualTo(UUID.fromString("2ae50ce5-62cc-3e67-90cb-06913484f32e"));
    }

    private static AccountabilityReport.PenaltyLine penalty(UUID ticket, String person, String kind, String amount,
                                                           boolean assessed) {
        return new AccountabilityReport.PenaltyLine(ticket, "T-1", "SALES", person, kind,
                amount == null ? null : new BigDecimal(amount), null, assessed, "mgr", Instant.EPOCH);
    }
}
