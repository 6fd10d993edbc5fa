package com.opensvc.aftersales.revisit.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.revisit.coverage.CoverageTopUp.Candidate;
import com.opensvc.aftersales.revisit.coverage.CoverageTopUp.Choice;
import com.opensvc.aftersales.revisit.coverage.CoverageTopUp.DueBasis;
import com.opensvc.aftersales.revisit.happycall.HappyCallSampling;
import com.opensvc.aftersales.web.InvalidFieldException;

@DisplayName("REV-01 the month-end top-up's choice")
class CoverageTopUpTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 00:05 on 1 December in Shanghai. */
    private static final Instant RUN = Instant.parse("2026-11-30T16:05:00Z");

    private static Candidate order(Instant completed) {
        UUID id = UUID.randomUUID();
        return new Candidate(id, UUID.randomUUID(), completed, HappyCallSampling.value(id),
                CoverageTopUp.windowOpen(completed, RUN));
    }

    @Test
    @DisplayName("REV-01 an order's 7-day window is open at the run when it was completed less than 7 days before")
    void REV01_windowOpen() {
        assertThat(CoverageTopUp.windowOpen(RUN.minusSeconds(7 * 86_400 - 1), RUN)).isTrue();
        assertThat(CoverageTopUp.windowOpen(RUN.minusSeconds(7 * 86_400), RUN)).isFalse();
        assertThat(CoverageTopUp.windowOpen(Instant.parse("2026-11-02T00:00:00Z"), RUN)).isFalse();
    }

    @Test
    @DisplayName("REV-01 prefers an order whose window is still open, then the lowest sampling value; due 7 days after its completion")
    void REV01_prefersOpenWindowThenLowestValue() {
        List<Candidate> orders = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            orders.add(order(Instant.parse("2026-11-03T02:00:00Z").plusSeconds(3600L * i)));   // windows closed
        }
        for (int i = 0; i < 5; i++) {
            orders.add(order(Instant.parse("2026-11-27T02:00:00Z").plusSeconds(3600L * i)));   // windows open
        }
        Choice choice = CoverageTopUp.choose(orders);
        Candidate lowestOpen = orders.stream().filter(Candidate::windowOpen)
                .min((a, b) -> Double.compare(a.hashValue(), b.hashValue())).orElseThrow();
        assertThat(choice.chosen()).isEqualTo(lowestOpen);
        assertThat(choice.dueBasis()).isEqualTo(DueBasis.COMPLETION);
        assertThat(CoverageTopUp.windowStart(choice, RUN)).isEqualTo(lowestOpen.completedAt());
        assertThat(choice.ranked()).hasSize(35).first().isEqualTo(lowestOpen);
        assertThat(choice.ranked().subList(0, 5)).allMatch(Candidate::windowOpen);
        assertThat(choice.ranked().subList(5, 35)).noneMatch(Candidate::windowOpen);
    }

    @Test
    @DisplayName("REV-01 with no window open: the lowest sampling value, due 7 days after the run (late, recorded)")
    void REV01_noOpenWindowDueFromTheRun() {
        List<Candidate> orders = List.of(order(Instant.parse("2026-11-05T02:00:00Z")),
                order(Instant.parse("2026-11-10T02:00:00Z")), order(Instant.parse("2026-11-20T02:00:00Z")));
        Choice choice = CoverageTopUp.choose(orders);
        assertThat(choice.chosen().hashValue())
                .isEqualTo(orders.stream().mapToDouble(Candidate::hashValue).min().orElseThrow());
        assertThat(choice.dueBasis()).isEqualTo(DueBasis.TOP_UP_RUN);
        assertThat(CoverageTopUp.windowStart(choice, RUN)).isEqualTo(RUN);
    }

    @Test
    @DisplayName("REV-01 deterministic: the same orders in any order give the same choice and ranking")
    void REV01_deterministic() {
        List<Candidate> orders = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            orders.add(order(Instant.parse("2026-11-20T02:00:00Z").plusSeconds(7200L * i)));
        }
        Choice first = CoverageTopUp.choose(orders);
        for (int i = 0; i < 20; i++) {
            List<Candidate> shuffled = new ArrayList<>(orders);
            Collections.shuffle(shuffled);
            Choice again = CoverageTopUp.choose(shuffled);
            assertThat(again.chosen()).isEqualTo(first.chosen());
            assertThat(again.ranked()).isEqualTo(first.ranked());
        }
    }

    @Test
    @DisplayName("REV-01 the scheduled run tops up the month just ended in the company's zone; a month is over only after its last day there")
    void REV01_monthJustEnded() {
        assertThat(CoverageMonth.ended(RUN, SHANGHAI)).isEqualTo(YearMonth.of(2026, 11));
        assertThat(CoverageMonth.ended(RUN, ZoneId.of("UTC"))).isEqualTo(YearMonth.of(2026, 10));
        assertThat(CoverageMonth.isOver(YearMonth.of(2026, 11), RUN, SHANGHAI)).isTrue();
        assertThat(CoverageMonth.isOver(YearMonth.of(2026, 11), RUN.minusSeconds(301), SHANGHAI)).isFalse();
        assertThat(CoverageMonth.isOver(YearMonth.of(2026, 12), RUN, SHANGHAI)).isFalse();
    }

    @Test
    @DisplayName("REV-01 a month is YYYY-MM; anything else names the field month")
    void REV01_monthFormat() {
        assertThat(CoverageMonth.parse("2026-10")).isEqualTo(YearMonth.of(2026, 10));
        for (String bad : new String[]{"2026-13", "10/2026", "2026-1", "+12026-01", "0000-01", "", " 2026-10"}) {
            assertThatThrownBy(() -> CoverageMonth.parse(bad)).as(bad).isInstanceOfSatisfying(
                    InvalidFieldException.class, e -> assertThat(e.errors().getFirst().field()).isEqualTo("month"));
        }
    }
}
