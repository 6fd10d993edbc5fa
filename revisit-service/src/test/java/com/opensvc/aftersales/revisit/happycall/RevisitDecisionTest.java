package com.opensvc.aftersales.revisit.happycall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.revisit.happycall.RevisitDecision.Decision;
import com.opensvc.aftersales.revisit.happycall.RevisitDecision.DecisionChange;
import com.opensvc.aftersales.revisit.happycall.RevisitEvent.NotRequiredReason;
import com.opensvc.aftersales.revisit.happycall.RevisitEvent.RevisitNotRequired;
import com.opensvc.aftersales.revisit.happycall.RevisitEvent.RevisitScheduled;

@DisplayName("REV-01 the decision for a completed work order")
class RevisitDecisionTest {
    private static final Instant CLOSED = Instant.parse("2026-11-23T02:00:00Z");
    private static final Instant NOW = CLOSED.plusSeconds(5);

    private static RepairClosed repair(UUID previous) {
        return new RepairClosed(UUID.randomUUID(), UUID.randomUUID(), "tech.north", previous, CLOSED);
    }

    @Test
    @DisplayName("REV-01 DSP-01 at completion a repeat repair, then the sample; else none (no first-of-month inflation)")
    void REV01_selectionPrecedence() {
        assertThat(RevisitDecision.selectionFor(true, true)).isEqualTo(Selection.REPEAT_REPAIR);
        assertThat(RevisitDecision.selectionFor(true, false)).isEqualTo(Selection.REPEAT_REPAIR);
        assertThat(RevisitDecision.selectionFor(false, true)).isEqualTo(Selection.SAMPLED);
        assertThat(RevisitDecision.selectionFor(false, false)).isNull();
    }

    @Test
    @DisplayName("REV-01 not selected: RevisitNotRequired with the rate, and the decision records its inputs")
    void REV01_notSelectedPublishesNotRequired() {
        RepairClosed repair = repair(null);
        DecisionChange change = RevisitDecision.decide(repair, 0.10, 0.42, YearMonth.of(2026, 11), "system:x", NOW);

        assertThat(change.scheduled()).isNull();
        assertThat(change.events()).singleElement().isEqualTo(new RevisitNotRequired(repair.ticketId(),
                repair.workOrderId(), "tech.north", NotRequiredReason.NOT_SAMPLED, 0.10, "system:x", NOW));
        RevisitDecision decision = change.decision();
        assertThat(decision.decision()).isEqualTo(Decision.NOT_REQUIRED);
        assertThat(decision.reason()).isEqualTo("NOT_SAMPLED");
        assertThat(decision.hashValue()).isEqualTo(0.42);
        assertThat(decision.samplingRate()).isEqualTo(0.10);
        assertThat(decision.revisitId()).isNull();
    }

    @Test
    @DisplayName("REV-01 selected: a happy call due 7 days after completion, published with its selection")
    void REV01_selectedSchedulesWithin7Days() {
        RepairClosed repair = repair(UUID.randomUUID());
        DecisionChange change = RevisitDecision.decide(repair, 0.10, 0.42, YearMonth.of(2026, 11), "system:x", NOW);

        Revisit revisit = change.scheduled();
        assertThat(revisit.dueBy()).isEqualTo(CLOSED.plus(Duration.ofDays(7)));
        assertThat(revisit.selection()).isEqualTo(Selection.REPEAT_REPAIR);
        assertThat(change.decision().decision()).isEqualTo(Decision.SCHEDULED);
        assertThat(change.decision().revisitId()).isEqualTo(revisit.id());
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(RevisitScheduled.class, s -> {
            assertThat(s.kind()).isEqualTo("HAPPY_CALL");
            assertThat(s.selection()).isEqualTo(Selection.REPEAT_REPAIR);
            assertThat(s.workOrderId()).isEqualTo(repair.workOrderId());
            assertThat(s.revisitId()).isEqualTo(revisit.id());
        });
    }

    @Test
    @DisplayName("REV-01 the technician's month is the calendar month of completion in the company's time zone")
    void REV01_monthInCompanyZone() {
        Instant lateOnOctober31Utc = Instant.parse("2026-10-31T17:30:00Z");   // 01:30 on 1 November in Shanghai
        assertThat(RevisitDecision.monthOf(lateOnOctober31Utc, ZoneId.of("UTC"))).isEqualTo(YearMonth.of(2026, 10));
        assertThat(RevisitDecision.monthOf(lateOnOctober31Utc, ZoneId.of("Asia/Shanghai"))).isEqualTo(YearMonth.of(2026, 11));
    }

    @Test
    @DisplayName("REV-02 a complaint revisit is due 24 hours after the complaint finished, with no work order")
    void REV02_complaintRevisitDueIn24Hours() {
        UUID ticket = UUID.randomUUID();
        UUID complaint = UUID.randomUUID();
        RevisitChange change = Revisit.scheduleComplaintRevisit(ticket, complaint, CLOSED, "system:y", NOW);
        assertThat(change.revisit().dueBy()).isEqualTo(CLOSED.plus(Duration.ofHours(24)));
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(RevisitScheduled.class, s -> {
            assertThat(s.kind()).isEqualTo("COMPLAINT_REVISIT");
            assertThat(s.selection()).isEqualTo(Selection.COMPLAINT);
            assertThat(s.workOrderId()).isNull();
            assertThat(s.complaintId()).isEqualTo(complaint);
        });
    }
}
