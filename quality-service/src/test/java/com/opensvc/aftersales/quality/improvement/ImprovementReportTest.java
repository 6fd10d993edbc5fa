package com.opensvc.aftersales.quality.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.quality.improvement.ActionPlanRequest.PlannedAction;
import com.opensvc.aftersales.quality.improvement.ImprovementReportEvent.ImprovementReportIssued;
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.StateConflictException;

/** QLT-05: the report's transitions, as rules (no Spring). */
class ImprovementReportTest {
    private static final Instant NOW = Instant.parse("2026-03-09T07:45:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-03-09");
    private static final UUID TICKET = UUID.randomUUID();

    static final AnalysisRequest ANALYSIS = new AnalysisRequest("Drain pump seizes after 3 months", BigDecimal.valueOf(12),
            "Replace the pump on site", new RootCause(Department.PURCHASING, "incoming inspection",
            "supplier lot not tested at high humidity"));
    static final ActionPlanRequest PLAN = new ActionPlanRequest(
            List.of(new PlannedAction("Quarantine supplier lot 2519", "buyer.li", TODAY)),
            List.of(new PlannedAction("Extend incoming inspection", "qe.sun", TODAY.plusDays(30))));

    private static ImprovementReport opened() {
        return ImprovementReport.openForTicket(TICKET, "T-2026-000123", "WM-X200", "SN-1", null,
                ReportOrigin.TICKET_ACCEPTED, "system:quality-improvement", NOW).report();
    }

    /** Issued, every action of the round recorded done (as the repository loads it). */
    private static ImprovementReport issued() {
        return done(opened().analyse(ANALYSIS, "qe.sun", NOW).report().assignActions(PLAN, TODAY, "qe.sun", NOW)
                .report());
    }

    /** The report with every action of its current round recorded done by its owner. */
    private static ImprovementReport done(ImprovementReport report) {
        List<ActionCompletion> completions = new java.util.ArrayList<>(report.completions());
        report.actions().stream().filter(a -> a.round() == report.actionRound())
                .filter(a -> report.completions().stream().noneMatch(c -> c.completes(a)))
                .forEach(a -> completions.add(report.complete(a.round(), a.kind(), a.position(), "done", a.owner(),
                        false, NOW)));
        return report.toBuilder().completions(completions).build();
    }

    @Test
    @DisplayName("QLT-05 OPEN → ANALYSED → ACTIONS_ASSIGNED (issued, published once) → VERIFIED → CLOSED, each with its actor")
    void QLT05_throughEveryState() {
        ImprovementReport open = opened();
        assertThat(open.state()).isEqualTo(ImprovementReportState.OPEN);

        ImprovementReportChange analysed = open.analyse(ANALYSIS, "qe.sun", NOW);
        assertThat(analysed.report().state()).isEqualTo(ImprovementReportState.ANALYSED);
        assertThat(analysed.report().analysedBy()).isEqualTo("qe.sun");
        assertThat(analysed.history().action()).isEqualTo("ANALYSED");
        assertThat(analysed.history().fromState()).isEqualTo(ImprovementReportState.OPEN);
        assertThat(analysed.events()).isEmpty();

        ImprovementReportChange assigned = analysed.report().assignActions(PLAN, TODAY, "qe.sun", NOW);
        assertThat(assigned.report().state()).isEqualTo(ImprovementReportState.ACTIONS_ASSIGNED);
        assertThat(assigned.addedActions()).extracting(ImprovementAction::kind)
                .containsExactly(ActionKind.CORRECTIVE, ActionKind.PREVENTIVE);
        assertThat(assigned.events()).singleElement().isInstanceOfSatisfying(ImprovementReportIssued.class, issued -> {
            assertThat(issued.ticketId()).isEqualTo(TICKET);
            assertThat(issued.aggregateId()).isEqualTo(TICKET);
            assertThat(issued.rootCause())
                    .isEqualTo("PURCHASING (incoming inspection): supplier lot not tested at high humidity");
            assertThat(issued.summary()).contains("Drain pump seizes", "Replace the pump on site",
                    "Quarantine supplier lot 2519");
            assertThat(issued.actor()).isEqualTo("qe.sun");
        });

        ImprovementReportChange verified = done(assigned.report()).verify(new VerificationRequest(true, "no failures in 30 days", "30 units sampled"),
                "qe.wang", NOW);
        assertThat(verified.report().state()).isEqualTo(ImprovementReportState.VERIFIED);
        assertThat(verified.addedVerification().verifiedBy()).isEqualTo("qe.wang");

        ImprovementReportChange closed = verified.report().close("mgr.wu", NOW);
        assertThat(closed.report().state()).isEqualTo(ImprovementReportState.CLOSED);
        assertThat(closed.history().actor()).isEqualTo("mgr.wu");
        assertThat(closed.events()).isEmpty();
    }

    @Test
    @DisplayName("QLT-05 illegal transitions → 409 with the current state")
    void QLT05_illegalTransitions() {
        ImprovementReport open = opened();
        assertThatThrownBy(() -> open.assignActions(PLAN, TODAY, "qe.sun", NOW))
                .isInstanceOfSatisfying(StateConflictException.class, e -> assertThat(e.currentState()).isEqualTo("OPEN"));
        assertThatThrownBy(() -> open.verify(new VerificationRequest(true, "ok", "30 units sampled"), "qe.wang", NOW))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> open.close("qe.sun", NOW)).isInstanceOf(StateConflictException.class);
        ImprovementReport issued = issued();
        assertThatThrownBy(() -> issued.analyse(ANALYSIS, "qe.sun", NOW))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.currentState()).isEqualTo("ACTIONS_ASSIGNED"));
        assertThatThrownBy(() -> issued.assignActions(PLAN, TODAY, "qe.sun", NOW))
                .as("actions are assigned once per round").isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> issued.close("qe.sun", NOW)).isInstanceOf(StateConflictException.class);
        ImprovementReport closed = issued.verify(new VerificationRequest(true, "ok", "30 units sampled"), "qe.wang", NOW).report()
                .close("qe.wang", NOW).report();
        assertThatThrownBy(() -> closed.close("qe.wang", NOW))
                .isInstanceOfSatisfying(StateConflictException.class, e -> assertThat(e.currentState()).isEqualTo("CLOSED"));
    }

    @Test
    @DisplayName("QLT-05 SEC-03 four eyes: the analyst cannot verify the report (403)")
    void QLT05_analystDoesNotVerify() {
        ImprovementReport issued = issued();
        assertThatThrownBy(() -> issued.verify(new VerificationRequest(true, "ok", "30 units sampled"), "qe.sun", NOW))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    @DisplayName("QLT-05 an ineffective verification asks for new actions: a second round, not published again")
    void QLT05_ineffectiveVerificationNeedsNewActions() {
        ImprovementReportChange ineffective = issued().verify(new VerificationRequest(false, "still failing", "30 units sampled"), "qe.wang", NOW);
        ImprovementReport report = ineffective.report();
        assertThat(report.state()).isEqualTo(ImprovementReportState.ACTIONS_ASSIGNED);
        assertThat(report.newActionsNeeded()).isTrue();
        assertThat(ineffective.history().action()).isEqualTo("VERIFIED_INEFFECTIVE");
        assertThatThrownBy(() -> report.verify(new VerificationRequest(true, "ok", "30 units sampled"), "qe.wang", NOW))
                .as("verify again only after new actions").isInstanceOf(StateConflictException.class);

        ImprovementReportChange second = report.assignActions(PLAN, TODAY, "qe.sun", NOW);
        assertThat(second.report().actionRound()).isEqualTo(2);
        assertThat(second.report().actions()).hasSize(4);
        assertThat(second.events()).as("the report was issued with the first round").isEmpty();
        assertThat(done(second.report()).verify(new VerificationRequest(true, "fixed", "30 units sampled"), "qe.wang", NOW).report().state())
                .isEqualTo(ImprovementReportState.VERIFIED);
    }

    @Test
    @DisplayName("QLT-05 due dates in the past (or absurdly far ahead) → 400 naming each")
    void QLT05_dueDatesNotInThePast() {
        ImprovementReport analysed = opened().analyse(ANALYSIS, "qe.sun", NOW).report();
        ActionPlanRequest late = new ActionPlanRequest(
                List.of(new PlannedAction("a", "o", TODAY), new PlannedAction("b", "o", TODAY.minusDays(1))),
                List.of(new PlannedAction("c", "o", TODAY.plusYears(11))));
        assertThatThrownBy(() -> analysed.assignActions(late, TODAY, "qe.sun", NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errors())
                        .extracting(InvalidFieldException.FieldError::field)
                        .containsExactly("corrective[1].dueDate", "preventive[0].dueDate"));
    }

    @Test
    @DisplayName("QLT-05 a report opened by hand for an alert is keyed by the report and names the alert")
    void QLT05_alertReportKeyedByReport() {
        UUID alert = UUID.randomUUID();
        ImprovementReport open = ImprovementReport.openByHand(UUID.randomUUID(),
                new OpenReportRequest(alert, "Seals leak", "WM-X200", BigDecimal.valueOf(40)), "qe.sun", NOW).report();
        assertThat(open.origin()).isEqualTo(ReportOrigin.MANUAL);
        assertThat(open.affectedQuantity()).isEqualTo(40);
        ImprovementReportChange assigned = open.analyse(ANALYSIS, "qe.sun", NOW).report()
                .assignActions(PLAN, TODAY, "qe.sun", NOW);
        ImprovementReportIssued issued = (ImprovementReportIssued) assigned.events().get(0);
        assertThat(issued.ticketId()).isNull();
        assertThat(issued.alertId()).isEqualTo(alert);
        assertThat(issued.aggregateId()).isEqualTo(open.id());
    }

    @Test
    @DisplayName("QLT-05 verification waits until every action of the current round is recorded done (409), and keeps its evidence")
    void QLT05_verificationAfterCompletion() {
        ImprovementReport assigned = opened().analyse(ANALYSIS, "qe.sun", NOW).report()
                .assignActions(PLAN, TODAY, "qe.sun", NOW).report();
        VerificationRequest effective = new VerificationRequest(true, "no failures", "30 units of lot 2520 sampled");
        assertThatThrownBy(() -> assigned.verify(effective, "qe.wang", NOW))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.getMessage()).contains("2 action(s) of round 1 are not recorded done"));
        ActionCompletion first = assigned.complete(1, ActionKind.CORRECTIVE, 0, "lot quarantined", "buyer.li", false, NOW);
        ImprovementReport half = assigned.toBuilder().completions(List.of(first)).build();
        assertThatThrownBy(() -> half.verify(effective, "qe.wang", NOW))
                .isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.getMessage()).contains("1 action(s)"));
        ImprovementReportChange verified = done(half).verify(effective, "qe.wang", NOW);
        assertThat(verified.report().state()).isEqualTo(ImprovementReportState.VERIFIED);
        assertThat(verified.addedVerification().evidence()).isEqualTo("30 units of lot 2520 sampled");
    }

    @Test
    @DisplayName("QLT-05 an action is recorded done once, by its owner or quality, only in the current round of an ACTIONS_ASSIGNED report")
    void QLT05_completion() {
        ImprovementReport assigned = opened().analyse(ANALYSIS, "qe.sun", NOW).report()
                .assignActions(PLAN, TODAY, "qe.sun", NOW).report();
        ActionCompletion byOwner = assigned.complete(1, ActionKind.CORRECTIVE, 0, " lot quarantined ", "buyer.li", false, NOW);
        assertThat(byOwner).isEqualTo(new ActionCompletion(assigned.id(), 1, ActionKind.CORRECTIVE, 0, "lot quarantined",
                "buyer.li", NOW));
        assertThatThrownBy(() -> assigned.complete(1, ActionKind.PREVENTIVE, 0, "done", "buyer.li", false, NOW))
                .as("not the owner, not quality").isInstanceOf(ForbiddenException.class);
        assertThat(assigned.complete(1, ActionKind.PREVENTIVE, 0, "done", "qe.wang", true, NOW).completedBy())
                .as("quality records any action done").isEqualTo("qe.wang");
        ImprovementReport withOne = assigned.toBuilder().completions(List.of(byOwner)).build();
        assertThatThrownBy(() -> withOne.complete(1, ActionKind.CORRECTIVE, 0, "again", "qe.wang", true, NOW))
                .as("once").isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.getMessage()).contains("recorded done by buyer.li"));
        assertThatThrownBy(() -> assigned.complete(1, ActionKind.CORRECTIVE, 5, "done", "qe.wang", true, NOW))
                .isInstanceOf(com.opensvc.aftersales.web.NotFoundException.class);

        ImprovementReport ineffective = done(assigned)
                .verify(new VerificationRequest(false, "still failing", "2 returns"), "qe.wang", NOW).report();
        assertThatThrownBy(() -> ineffective.complete(1, ActionKind.CORRECTIVE, 0, "x", "qe.wang", true, NOW))
                .isInstanceOf(StateConflictException.class);
        ImprovementReport second = ineffective.assignActions(PLAN, TODAY, "qe.sun", NOW).report();
        assertThatThrownBy(() -> second.complete(1, ActionKind.PREVENTIVE, 0, "late", "qe.wang", true, NOW))
                .as("round 1 is not current").isInstanceOfSatisfying(StateConflictException.class,
                        e -> assertThat(e.getMessage()).contains("round 2 is the current one"));
        assertThat(second.complete(2, ActionKind.CORRECTIVE, 0, "done", "buyer.li", false, NOW).round()).isEqualTo(2);
        ImprovementReport verified = done(second).verify(new VerificationRequest(true, "fixed", "30 days"), "qe.wang", NOW)
                .report();
        assertThatThrownBy(() -> verified.complete(2, ActionKind.CORRECTIVE, 0, "x", "qe.wang", true, NOW))
                .isInstanceOfSatisfying(StateConflictException.class, e -> assertThat(e.currentState()).isEqualTo("VERIFIED"));
    }

    @Test
    @DisplayName("QLT-05 QLT-06 a report opened for an alert has origin ALERT and is keyed by the report; attachments not on a CLOSED report nor beyond the most")
    void QLT05_alertReportAndAttachable() {
        UUID alert = UUID.randomUUID();
        ImprovementReport open = ImprovementReport.openForAlert(UUID.randomUUID(), alert, " WM-X200 ", "Seals leak", 7,
                "qe.sun", NOW).report();
        assertThat(open.origin()).isEqualTo(ReportOrigin.ALERT);
        assertThat(open.alertId()).isEqualTo(alert);
        assertThat(open.productModel()).isEqualTo("WM-X200");
        assertThat(open.affectedQuantity()).isEqualTo(7);
        open.requireAttachable(19, 20);
        assertThatThrownBy(() -> open.requireAttachable(20, 20)).isInstanceOf(StateConflictException.class);
        ImprovementReport closed = issued().verify(new VerificationRequest(true, "ok", "30 units"), "qe.wang", NOW)
                .report().close("qe.wang", NOW).report();
        assertThatThrownBy(() -> closed.requireAttachable(0, 20))
                .isInstanceOfSatisfying(StateConflictException.class, e -> assertThat(e.currentState()).isEqualTo("CLOSED"));
    }

    @Test
    @DisplayName("QLT-05 the state table: the one legal path, nothing out of CLOSED")
    void QLT05_stateTable() {
        assertThat(ImprovementReportState.OPEN.canBecome(ImprovementReportState.ANALYSED)).isTrue();
        assertThat(ImprovementReportState.OPEN.canBecome(ImprovementReportState.VERIFIED)).isFalse();
        assertThat(ImprovementReportState.ANALYSED.canBecome(ImprovementReportState.ACTIONS_ASSIGNED)).isTrue();
        assertThat(ImprovementReportState.ACTIONS_ASSIGNED.canBecome(ImprovementReportState.VERIFIED)).isTrue();
        assertThat(ImprovementReportState.ACTIONS_ASSIGNED.canBecome(ImprovementReportState.CLOSED)).isFalse();
        assertThat(ImprovementReportState.VERIFIED.canBecome(ImprovementReportState.CLOSED)).isTrue();
        for (ImprovementReportState target : ImprovementReportState.values()) {
            assertThat(ImprovementReportState.CLOSED.canBecome(target)).isFalse();
        }
    }
}
